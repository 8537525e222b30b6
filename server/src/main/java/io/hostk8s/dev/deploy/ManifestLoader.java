package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml}/{@code *.yml} under the manifests directory (recursively, files in path order,
 * multi-document files split on {@code ---}) into fabric8 objects, then orders them for applying
 * (namespaces first, workloads after what they reference; stable otherwise).
 */
public final class ManifestLoader {
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final java.util.function.UnaryOperator<String> text;
  private final boolean subdirectories;

  public ManifestLoader() {
    this(java.util.function.UnaryOperator.identity(), true);
  }

  /**
   * {@code text}: applied to each file's text before parsing (a cloud target's placeholder substitution);
   * {@code subdirectories}: false reads the directory's own files only (like {@code kubectl apply -f dir}).
   */
  public ManifestLoader(java.util.function.UnaryOperator<String> text, boolean subdirectories) {
    this.text = text;
    this.subdirectories = subdirectories;
  }

  /** {@code manifests} is workspace-relative and must stay inside the workspace. */
  public List<ManifestDocument> load(Path workspace, String manifests) {
    Path root = workspace.toAbsolutePath().normalize();
    Path dir = root.resolve(manifests == null ? "" : manifests).normalize();
    if (!dir.startsWith(root) || !insideAfterLinks(root, dir)) {
      throw DeployErrors.noManifests("deploy.manifests (" + manifests + ") leaves the workspace " + root + ".");
    }
    if (!Files.isDirectory(dir)) {
      throw DeployErrors.noManifests("The manifests directory " + dir + " does not exist.");
    }
    List<ManifestDocument> docs = new ArrayList<>();
    for (Path file : yamlFiles(dir, subdirectories ? Integer.MAX_VALUE : 1)) {
      docs.addAll(loadFile(file, root));
    }
    if (docs.isEmpty()) {
      throw DeployErrors.noManifests("No Kubernetes object in " + dir + " (*.yaml, *.yml).");
    }
    List<ManifestDocument> ordered = new ArrayList<>(docs);
    ordered.sort(Comparator.comparingInt(d -> KubeObjects.rank(d.object())));
    return List.copyOf(ordered);
  }

  /** The objects of one file (public for tests and for single-file deploys). */
  public List<ManifestDocument> loadFile(Path file, Path workspace) {
    String text;
    try {
      text = this.text.apply(Files.readString(file));
    } catch (IOException e) {
      throw DeployErrors.invalidManifest(workspace.relativize(file).toString(), "cannot be read (" + e.getMessage() + ")");
    }
    List<ManifestDocument> out = new ArrayList<>();
    for (YamlDocuments.Doc doc : YamlDocuments.split(text)) {
      HasMetadata object = parse(doc, file, workspace);
      if (object != null) {
        out.add(new ManifestDocument(object, file, doc.firstLine()));
      }
    }
    return out;
  }

  private HasMetadata parse(YamlDocuments.Doc doc, Path file, Path workspace) {
    String rel = workspace.relativize(file).toString();
    if (doc.blank()) {
      return null;
    }
    Object parsed;
    try {
      parsed = serialization.unmarshal(doc.text());
    } catch (RuntimeException e) {
      int line = doc.firstLine() - 1 + YamlDocuments.lineOf(e, doc.text()).orElse(1);
      throw DeployErrors.invalidManifest(rel + ":" + line, YamlDocuments.problem(e));
    }
    if (parsed == null) {
      return null;
    }
    if (!(parsed instanceof HasMetadata object) || object.getKind() == null || object.getApiVersion() == null) {
      throw DeployErrors.invalidManifest(rel + ":" + doc.firstLine(), "not a Kubernetes object (apiVersion and kind are required)");
    }
    if (object.getMetadata() == null || object.getMetadata().getName() == null || object.getMetadata().getName().isBlank()) {
      throw DeployErrors.invalidManifest(rel + ":" + doc.firstLine(), object.getKind() + " without metadata.name");
    }
    return object;
  }

  private static List<Path> yamlFiles(Path dir, int depth) {
    try (Stream<Path> s = Files.walk(dir, depth)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw DeployErrors.noManifests("The manifests directory " + dir + " cannot be read: " + e.getMessage());
    }
  }

  private static boolean insideAfterLinks(Path root, Path dir) {
    try {
      return !Files.exists(dir) || dir.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
