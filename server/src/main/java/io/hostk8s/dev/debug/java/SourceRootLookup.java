package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.adapter.IDebugAdapterContext;
import com.microsoft.java.debug.core.adapter.ISourceLookUpProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Source mapping from the service's source roots (e.g. {@code voting-app/worker/src/main/java}), without a Java
 * project model: a breakpoint's file names its top-level class (package declaration + file name; java-debug also
 * watches that class's nested and local classes), and a stack frame's {@code sourcePath} (e.g.
 * {@code io/hostk8s/voting/worker/VoteWorker.java}) is looked up under each root in order — the roots given to
 * the adapter, then those of the attach request's {@code sourcePaths}.
 */
final class SourceRootLookup implements ISourceLookUpProvider {
  private static final Logger LOG = Logger.getLogger(SourceRootLookup.class.getName());
  private final List<Path> roots;
  private final AttachedVm vm;
  private volatile List<Path> attachRoots = List.of();

  SourceRootLookup(List<Path> roots, AttachedVm vm) {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.vm = vm;
  }

  @Override
  public void initialize(IDebugAdapterContext context, Map<String, Object> options) {
    vm.attached(context);
    String[] fromAttach = context.getSourcePaths();
    attachRoots = fromAttach == null ? List.of() : Arrays.stream(fromAttach).filter(p -> p != null && !p.isBlank())
        .map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
  }

  /** The roots given to {@link JavaDebugAdapter#start}, then the attach request's {@code sourcePaths}. */
  private List<Path> roots() {
    List<Path> extra = attachRoots;
    if (extra.isEmpty()) {
      return roots;
    }
    List<Path> all = new java.util.ArrayList<>(roots);
    all.addAll(extra);
    return all;
  }

  @Override
  public boolean supportsRealtimeBreakpointVerification() {
    return false; // verified by java-debug once the class is loaded and the line has code
  }

  @Override
  public String[] getFullyQualifiedName(String uri, int[] lines, int[] columns) {
    String fqn = toPath(uri).flatMap(this::topLevelClass).orElse(null);
    if (fqn == null) {
      LOG.info("no Java class for breakpoint file " + uri);
    }
    String[] out = new String[lines.length];
    Arrays.fill(out, fqn);
    return out;
  }

  @Override
  public String getSourceFileURI(String fullyQualifiedName, String sourcePath) {
    if (sourcePath == null || sourcePath.isBlank()) {
      return null;
    }
    for (Path root : roots()) {
      try {
        Path candidate = root.resolve(sourcePath.replace('\\', '/')).normalize();
        if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
          return candidate.toUri().toString();
        }
      } catch (InvalidPathException e) {
        LOG.fine("bad source path " + sourcePath);
      }
    }
    return null;
  }

  @Override
  public String getSourceContents(String uri) {
    return toPath(uri).map(p -> {
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }).orElse("");
  }

  /** The class a {@code .java} file declares at top level: from its package line, else from its place under a root. */
  Optional<String> topLevelClass(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (!name.endsWith(".java")) {
      return Optional.empty();
    }
    String simple = name.substring(0, name.length() - ".java".length());
    Optional<String> pkg = JavaPackage.declaredIn(file);
    if (pkg.isPresent()) {
      return Optional.of(pkg.get().isEmpty() ? simple : pkg.get() + "." + simple);
    }
    Path abs = file.toAbsolutePath().normalize();
    return roots().stream().filter(abs::startsWith).findFirst()
        .map(r -> r.relativize(abs).toString().replace('/', '.').replace('\\', '.'))
        .map(rel -> rel.substring(0, rel.length() - ".java".length()));
  }

  static Optional<Path> toPath(String uriOrPath) {
    if (uriOrPath == null || uriOrPath.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(uriOrPath.startsWith("file:") ? Path.of(URI.create(uriOrPath)) : Path.of(uriOrPath));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      LOG.log(Level.FINE, "not a file: " + uriOrPath, e);
      return Optional.empty();
    }
  }
}
