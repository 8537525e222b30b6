package io.hostk8s.intellij.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin's descriptor (intellij-plugin/src/main/resources/META-INF/plugin.xml and the optional descriptors it
 * names), parsed with the JDK's XML parser and held to LSP4IJ 0.20.1's extension points, the plugin's sources and the
 * server's real command list — the checks that can run without the IntelliJ SDK (the Gradle build's verifyPlugin does
 * the rest, in CI only).
 */
class PluginDescriptorTest {
  static Path plugin;
  static Document descriptor;
  static List<Document> all = new ArrayList<>();
  static final Pattern CLASS_NAME = Pattern.compile("io\\.hostk8s\\.[\\w.]+");

  @BeforeAll
  static void parse() throws Exception {
    plugin = Fixtures.repo().resolve("intellij-plugin");
    descriptor = xml(plugin.resolve("src/main/resources/META-INF/plugin.xml"));
    all.add(descriptor);
    for (Element d : elements(descriptor, "depends")) {
      if (d.hasAttribute("config-file")) {
        all.add(xml(plugin.resolve("src/main/resources/META-INF").resolve(d.getAttribute("config-file"))));
      }
    }
  }

  static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static List<Element> elements(Node root, String tag) {
    NodeList nl = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add((Element) nl.item(i));
    }
    return out;
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> extensions(String namespace) {
    List<Element> out = new ArrayList<>();
    for (Document d : all) {
      for (Element ext : elements(d, "extensions")) {
        if (namespace.equals(ext.getAttribute("defaultExtensionNs"))) {
          out.addAll(children(ext));
        }
      }
    }
    return out;
  }

  /** The Java source of a plugin class: in the plugin's sources or the core's (both compiled into the plugin). */
  static Path source(String className) {
    String rel = className.replace('.', '/') + ".java";
    return Stream.of(plugin.resolve("src/main/java"), plugin.resolve("core/src/main/java"))
        .map(root -> root.resolve(rel)).filter(Files::isRegularFile).findFirst().orElse(null);
  }

  static String declaration(String className) throws IOException {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    Matcher m = Pattern.compile("(?s)(class|interface)\\s+" + simple + "\\b([^{]*)\\{").matcher(Files.readString(source(className)));
    return m.find() ? m.group(2) : "";
  }

  @Test
  void itDependsOnLsp4ijAndTheRecentPlatformOnly() {
    List<String> depends = elements(descriptor, "depends").stream().map(e -> e.getTextContent().trim()).toList();
    assertThat(depends).contains("com.intellij.modules.platform", "com.redhat.devtools.lsp4ij");
    assertThat(elements(descriptor, "depends").stream().filter(e -> e.getTextContent().trim().equals("com.redhat.devtools.lsp4ij")))
        .as("LSP4IJ is required, not optional").allMatch(e -> !"true".equals(e.getAttribute("optional")));
    String since = elements(descriptor, "idea-version").get(0).getAttribute("since-build");
    assertThat(Integer.parseInt(since.split("\\.")[0])).as("since-build").isGreaterThanOrEqualTo(242);
    assertThat(elements(descriptor, "id").get(0).getTextContent().trim()).isEqualTo("io.hostk8s.dev");
  }

  @Test
  void everyLsp4ijExtensionUsesADeclaredPointWithItsAttributes() throws Exception {
    List<Element> lsp4ij = extensions("com.redhat.devtools.lsp4ij");
    assertThat(lsp4ij).isNotEmpty();
    for (Element e : lsp4ij) {
      var point = Lsp4ijExtensionPoints.POINTS.get(e.getTagName());
      assertThat(point).as("<%s> is an extension point of LSP4IJ 0.20.1", e.getTagName()).isNotNull();
      Set<String> attributes = new HashSet<>();
      for (int i = 0; i < e.getAttributes().getLength(); i++) {
        attributes.add(e.getAttributes().item(i).getNodeName());
      }
      assertThat(attributes).as("<%s> required attributes", e.getTagName()).containsAll(point.required());
      Set<String> known = new HashSet<>(point.required());
      known.addAll(point.optional());
      assertThat(known).as("<%s> has only declared attributes", e.getTagName()).containsAll(attributes);
      for (Map.Entry<String, String> c : point.classAttributes().entrySet()) {
        if (e.hasAttribute(c.getKey())) {
          String cls = e.getAttribute(c.getKey());
          assertThat(source(cls)).as("%s=%s is a class of the plugin's sources", c.getKey(), cls).isNotNull();
          assertThat(declaration(cls)).as("%s extends or implements LSP4IJ's %s", cls, c.getValue()).contains(c.getValue());
        }
      }
    }
  }

  @Test
  void theLanguageServerAndTheDebugAdapterHaveTheirOwnIdsAndMappings() {
    List<Element> lsp4ij = extensions("com.redhat.devtools.lsp4ij");
    Set<String> servers = new HashSet<>();
    Set<String> adapters = new HashSet<>();
    for (Element e : lsp4ij) {
      if (e.getTagName().equals("server")) {
        servers.add(e.getAttribute("id"));
      } else if (e.getTagName().equals("debugAdapterServer")) {
        adapters.add(e.getAttribute("id"));
      }
    }
    assertThat(servers).containsExactly("hostk8s");
    assertThat(adapters).containsExactly("hostk8s-debug");
    Map<String, List<String>> patterns = new java.util.HashMap<>();
    for (Element e : lsp4ij) {
      if (e.getTagName().endsWith("Mapping")) {
        assertThat(servers.contains(e.getAttribute("serverId")) || adapters.contains(e.getAttribute("serverId")))
            .as("mapping to a declared server: " + e.getAttribute("serverId")).isTrue();
        patterns.computeIfAbsent(e.getAttribute("serverId"), k -> new ArrayList<>()).addAll(List.of(e.getAttribute("patterns").split(";")));
      }
    }
    assertThat(patterns.get("hostk8s")).as("only the config starts the LSP server by a file").containsExactly("hostk8s.dev.yaml");
    assertThat(patterns.get("hostk8s-debug")).as("DAP breakpoints in vote's Python; Java keeps IntelliJ's debugger").containsExactly("*.py");
  }

  @Test
  void everyClassTheDescriptorsNameIsAPluginSourceOfTheRightKind() throws Exception {
    List<String> named = new ArrayList<>();
    for (Document d : all) {
      for (String attr : List.of("factoryClass", "implementation", "serviceImplementation", "instance", "class", "documentMatcher")) {
        for (Element e : elements(d, "*")) {
          if (e.hasAttribute(attr) && CLASS_NAME.matcher(e.getAttribute(attr)).matches()) {
            named.add(e.getAttribute(attr));
          }
        }
      }
    }
    assertThat(named).hasSizeGreaterThan(15);
    for (String c : named) {
      assertThat(source(c)).as(c + " exists in intellij-plugin/src/main/java or core/src/main/java").isNotNull();
    }
    assertThat(declaration("io.hostk8s.intellij.actions.HostK8sActionGroup")).contains("ActionGroup");
    assertThat(declaration("io.hostk8s.intellij.ui.HostK8sStatusWidgetFactory")).contains("StatusBarWidgetFactory");
    assertThat(declaration("io.hostk8s.intellij.ui.HostK8sToolWindowFactory")).contains("ToolWindowFactory");
    assertThat(declaration("io.hostk8s.intellij.dap.HostK8sDebugConfiguration")).contains("DAPRunConfigurationBase");
    assertThat(declaration("io.hostk8s.intellij.jvm.WorkerJvmConfiguration")).contains("RemoteConfiguration");
    assertThat(declaration("io.hostk8s.intellij.lsp.HostK8sLanguageClient")).contains("LanguageClientImpl").contains("HostK8sClient");
  }

  @Test
  void everyPluginSourceDeclaresTheClassItIsNamedAfter() throws IOException {
    try (Stream<Path> files = Files.walk(plugin.resolve("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        assertThat(Files.readString(f)).as(f.toString()).containsPattern("(class|interface|enum|record)\\s+" + name + "\\b");
      }
    }
  }

  @Test
  void theActionsAreOnePerAnnouncedCommandUnderToolsHostK8sAndTheClientCommandsTheServerNames() throws Exception {
    Element menu = elements(descriptor, "group").stream().filter(g -> g.getAttribute("id").equals("HostK8s.Menu")).findFirst().orElseThrow();
    assertThat(elements(menu, "add-to-group").get(0).getAttribute("group-id")).isEqualTo("ToolsMenu");
    assertThat(elements(menu, "group")).extracting(g -> g.getAttribute("class"))
        .containsExactly("io.hostk8s.intellij.actions.HostK8sActionGroup");
    Set<String> staticIds = new HashSet<>();
    for (Element a : elements(descriptor, "action")) {
      assertThat(staticIds.add(a.getAttribute("id"))).as("unique action id " + a.getAttribute("id")).isTrue();
    }
    List<CommandDescription> announced = Fixtures.commands();
    Set<String> generated = new HashSet<>();
    for (CommandDescription d : CommandCatalog.of(announced.stream().map(CommandDescription::id).toList(), announced).commands()) {
      assertThat(generated.add(CommandCatalog.actionId(d.id()))).isTrue();
      assertThat(staticIds).as("no static action shadows the server's " + d.id()).doesNotContain(d.id(), CommandCatalog.actionId(d.id()));
    }
    assertThat(generated).as("one generated action per announced command").hasSize(announced.size());
    for (String client : List.of(CommandIds.CLIENT_RUN, CommandIds.CLIENT_DEBUG_SERVICE)) {
      Element a = elements(descriptor, "action").stream().filter(x -> x.getAttribute("id").equals(client)).findFirst().orElseThrow();
      assertThat(declaration(a.getAttribute("class"))).as(client + " is an LSP4IJ LSPCommandAction").contains("LSPCommandAction");
      assertThat(announced).extracting(CommandDescription::id).as("never announced, so LSP4IJ runs the action").doesNotContain(client);
    }
  }

  @Test
  void theGradleBuildMatchesTheDescriptorAndBringsNoSecondLsp4j() throws IOException {
    String build = Files.readString(plugin.resolve("build.gradle.kts"));
    assertThat(build).contains("id(\"org.jetbrains.intellij.platform\") version \"2.").contains("sinceBuild = \"242\"")
        .contains("plugin(\"com.redhat.devtools.lsp4ij\"").contains("core/src/main/java").contains("../protocol/src/main/java")
        .contains("recommended()").contains("bundledPlugin(\"com.intellij.java\")");
    assertThat(build.lines().filter(l -> !l.trim().startsWith("//")).toList()).noneMatch(l -> l.contains("org.eclipse.lsp4j") || l.contains("gson"));
    assertThat(Files.readString(plugin.resolve("gradle.properties"))).contains("lsp4ijVersion=0.20.1");
  }

  /** The SDK is not here to compile the plugin's sources; the JDK's parser at least reads every one without an error. */
  @Test
  void everyPluginSourceParses() throws IOException {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    var diagnostics = new javax.tools.DiagnosticCollector<javax.tools.JavaFileObject>();
    try (var fm = javac.getStandardFileManager(diagnostics, null, java.nio.charset.StandardCharsets.UTF_8);
        Stream<Path> files = Stream.concat(Files.walk(plugin.resolve("src")), Files.walk(plugin.resolve("core/src/main")))) {
      List<java.io.File> sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
      assertThat(sources).hasSizeGreaterThan(40);
      var task = (com.sun.source.util.JavacTask) javac.getTask(null, fm, diagnostics,
          List.of("--release", Integer.toString(Runtime.version().feature()), "--enable-preview", "-proc:none"), null,
          fm.getJavaFileObjectsFromFiles(sources));
      assertThat(task.parse()).hasSameSizeAs(sources);
    }
    assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).isEmpty();
  }
}
