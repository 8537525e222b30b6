package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.core.Workspace;

/** The JVM running the server must be Java 17 or newer. */
public final class JavaCheck implements Check {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public CheckResult run(Workspace workspace) {
    int feature = Runtime.version().feature();
    String detail = "Java " + Runtime.version() + " at " + System.getProperty("java.home");
    return feature >= 17 ? CheckResult.ok(name(), detail)
        : CheckResult.missing(name(), true, detail, "Install Java 17+ (e.g. apt-get install openjdk-17-jre) and set JAVA_HOME.");
  }
}
