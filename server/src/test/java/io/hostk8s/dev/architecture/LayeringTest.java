package io.hostk8s.dev.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import io.hostk8s.dev.lsp.HostK8sLanguageServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/architecture.md: base, domain, commands, engine, front ends — each using only the ones
 * below — no cycle between top-level packages, and the domain free of the front ends' libraries.
 */
class LayeringTest {
  private static final String SERVER_CLASSES =
      HostK8sLanguageServer.class.getProtectionDomain().getCodeSource().getLocation().toString();
  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        // only the server's own classes: the protocol and testbed modules share the package root and are dependencies
        // like any jar, even when a reactor build (-am) hands them over as <module>/target/classes
        .withImportOption(location -> location.asURI().toString().startsWith(SERVER_CLASSES))
        .importPackages(Layers.ROOT);
    assertThat(server.size()).as("server classes imported").isGreaterThan(300);
  }

  @Test
  void everyLayerUsesOnlyTheLayersBelowIt() {
    Layers.rule().check(server);
  }

  @Test
  void theRuleRejectsADomainClassThatImportsAFrontEnd() throws Exception {
    JavaClasses withViolation = new ClassFileImporter()
        .importClasses(Class.forName(Layers.ROOT + ".build.LayeringViolationFixture"), HostK8sLanguageServer.class);
    EvaluationResult result = Layers.rule().evaluate(withViolation);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
        .contains("LayeringViolationFixture").contains("HostK8sLanguageServer"));
  }

  @Test
  void noCycleBetweenTopLevelPackages() {
    slices().matching(Layers.ROOT + ".(*)..").should().beFreeOfCycles().check(server);
  }

  @Test
  void everyTopLevelPackageHasALayer() {
    // a new package must be placed in docs/architecture.md and in Layers before it can grow
    java.util.Set<String> known = new java.util.HashSet<>();
    for (String[] layer : new String[][] {Layers.BASE, Layers.DOMAIN, Layers.FRONT_ENDS, {"command", "engine"}}) {
      known.addAll(java.util.List.of(layer));
    }
    // the protocol module (records and ids only, below every layer) is imported too when the reactor builds it as classes
    known.add("protocol");
    server.stream().map(c -> c.getPackageName())
        .filter(p -> p.startsWith(Layers.ROOT + "."))
        .map(p -> p.substring(Layers.ROOT.length() + 1).split("\\.")[0])
        .forEach(top -> assertThat(known).as("layer of package %s", top).contains(top));
  }

  @Test
  void domainAndBaseDoNotSpeakTheFrontEndsLibraries() {
    noClasses().that().resideInAnyPackage(Layers.packages(concat(Layers.BASE, Layers.DOMAIN)))
        .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j..", "picocli..")
        .check(server);
  }

  @Test
  void gsonTreesStayInTheDebugRelay() {
    // the debug relay forwards DAP messages, which are JSON by nature; everything else below the commands exchanges
    // records (serialising a record with Gson is fine, digging in a JsonObject is not)
    noClasses().that().resideInAnyPackage(Layers.packages(concat(Layers.BASE, Layers.DOMAIN)))
        .and().resideOutsideOfPackage(Layers.ROOT + ".debug..")
        .should().dependOnClassesThat().areAssignableTo(JsonElement.class)
        .orShould().dependOnClassesThat().areAssignableTo(JsonParser.class)
        .check(server);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
