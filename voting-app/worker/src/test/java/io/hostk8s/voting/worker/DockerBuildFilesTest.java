package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Dockerfiles cannot be built here (no Docker engine); this guards what they rely on: the stub parent pom
 * has the coordinates of the module's real parent, and the images run the shaded jar (dev: with JDWP on 5005).
 */
class DockerBuildFilesTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void stubParentHasTheCoordinatesOfTheModulesParent() throws Exception {
    Element parent = child(parse(MODULE.resolve("pom.xml")).getDocumentElement(), "parent");
    Element stub = parse(MODULE.resolve("docker/parent-pom.xml")).getDocumentElement();
    for (String field : new String[] {"groupId", "artifactId", "version"}) {
      assertThat(child(stub, field).getTextContent()).as(field).isEqualTo(child(parent, field).getTextContent());
    }
  }

  @Test
  void imagesRunTheShadedJarAsNonRootAndOnlyTheDevImageDebugs() throws Exception {
    String prod = Files.readString(MODULE.resolve("Dockerfile"));
    String dev = Files.readString(MODULE.resolve("Dockerfile.dev"));
    for (String dockerfile : new String[] {prod, dev}) {
      assertThat(dockerfile)
          .contains("COPY docker/parent-pom.xml pom.xml", "target/hostk8s-worker.jar", "USER 10001")
          .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/hostk8s-worker.jar\"]");
    }
    assertThat(prod).doesNotContain("jdwp").doesNotContain("5005");
    assertThat(dev).contains(
        "JAVA_TOOL_OPTIONS=\"-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005\"",
        "EXPOSE 5005");
  }

  private static Document parse(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Element child(Element element, String name) {
    for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("<" + name + "> missing in <" + element.getTagName() + ">");
  }
}
