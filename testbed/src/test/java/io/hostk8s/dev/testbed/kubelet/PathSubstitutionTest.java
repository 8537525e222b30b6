package io.hostk8s.dev.testbed.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathSubstitutionTest {

  private final PathSubstitution subst = new PathSubstitution(mounts());

  private static Map<String, Path> mounts() {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("/usr/local/app", Path.of("/state/pods/ns/p/root/usr/local/app"));
    m.put("/usr/local/app/data", Path.of("/elsewhere/data"));
    return m;
  }

  @Test
  void containerPathsInArgumentsBecomeHostPaths() {
    assertThat(subst.apply("/usr/local/app/app.py")).isEqualTo("/state/pods/ns/p/root/usr/local/app/app.py");
    assertThat(subst.apply("mkdir -p /usr/local/app && cat - > /usr/local/app/x.tar && echo $?"))
        .isEqualTo("mkdir -p /state/pods/ns/p/root/usr/local/app && cat - > "
            + "/state/pods/ns/p/root/usr/local/app/x.tar && echo $?");
    assertThat(subst.apply("APP_DIR=/usr/local/app")).isEqualTo("APP_DIR=/state/pods/ns/p/root/usr/local/app");
  }

  @Test
  void theLongestMountWinsAndLookalikesAreLeftAlone() {
    assertThat(subst.apply("/usr/local/app/data/x")).isEqualTo("/elsewhere/data/x");
    assertThat(subst.apply("/usr/local/apple")).isEqualTo("/usr/local/apple");
    assertThat(subst.apply("/opt/usr/local/app")).isEqualTo("/opt/usr/local/app");
  }
}
