package io.hostk8s.intellij.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.intellij.core.java.JavaDiscovery;
import io.hostk8s.intellij.core.java.JavaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java discovery against real executables: this JDK (≥ 17) and scripts that print what old JVMs print. */
class JavaDiscoveryTest {
  @TempDir
  Path tmp;
  final Path realHome = Path.of(System.getProperty("java.home"));

  Path fakeHome(String name, String versionLine) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return tmp.resolve(name);
  }

  static Object find(String setting, Map<String, String> env, Path ide) {
    return JavaDiscovery.find(JavaDiscovery.Input.of(setting, env, ide));
  }

  @Test
  void versionsOfOldAndNewJvmsAreRead() {
    assertThat(JavaVersion.parseMajor("openjdk version \"17.0.13\" 2024-10-15")).isEqualTo(17);
    assertThat(JavaVersion.parseMajor("java version \"1.8.0_351\"")).isEqualTo(8);
    assertThat(JavaVersion.parseMajor("openjdk version \"25-ea\" 2025-09-16")).isEqualTo(25);
    assertThat(JavaVersion.parseMajor("garbage")).isNull();
  }

  @Test
  void theSettingWinsAndIsCheckedByRunningJavaVersion() {
    Object r = find(realHome.toString(), Map.of("PATH", ""), null);
    assertThat(r).isInstanceOfSatisfying(JavaDiscovery.Found.class, f -> {
      assertThat(f.source()).isEqualTo("hostk8s.java.home");
      assertThat(f.major()).isGreaterThanOrEqualTo(17);
    });
  }

  @Test
  void aJava8SettingIsRejectedThenJavaHomeIsUsed() throws Exception {
    Path old = fakeHome("jdk8", "java version \"1.8.0_351\"");
    Object r = find(old.toString(), Map.of("JAVA_HOME", realHome.toString(), "PATH", ""), null);
    assertThat(r).isInstanceOfSatisfying(JavaDiscovery.Found.class, f -> assertThat(f.source()).isEqualTo("JAVA_HOME"));
  }

  @Test
  void theIdesRuntimeIsUsedOnlyWhenItIsJava17OrNewer() throws Exception {
    assertThat(find("", Map.of("PATH", ""), realHome)).isInstanceOfSatisfying(JavaDiscovery.Found.class,
        f -> assertThat(f.source()).isEqualTo(JavaDiscovery.IDE_RUNTIME));
    Path oldJbr = fakeHome("jbr11", "openjdk version \"11.0.16\" 2022-07-19");
    Object r = find("", Map.of("PATH", realHome.resolve("bin").toString()), oldJbr);
    assertThat(r).isInstanceOfSatisfying(JavaDiscovery.Found.class, f -> assertThat(f.source()).isEqualTo("PATH"));
  }

  @Test
  void nothingUsableNamesEveryCandidateAndTheFixLikeVsCode() throws Exception {
    Path old = fakeHome("jdk11", "openjdk version \"11.0.2\"");
    Object r = find(tmp.resolve("nope").toString(), Map.of("JAVA_HOME", old.toString(), "PATH", ""), old);
    assertThat(r).isInstanceOfSatisfying(JavaDiscovery.NotFound.class, n -> {
      assertThat(n.problems()).containsExactly(
          "hostk8s.java.home: " + tmp.resolve("nope/bin/java") + " does not exist",
          "JAVA_HOME: " + old.resolve("bin/java") + " is Java 11, 17 or newer is needed",
          "IDE runtime: " + old.resolve("bin/java") + " is Java 11, 17 or newer is needed",
          "PATH: no java executable");
      assertThat(n.message()).startsWith("HostK8s needs Java 17 or newer. ").contains("Fix: Install a JDK 17 or newer")
          .contains("hostk8s.java.home");
    });
  }
}
