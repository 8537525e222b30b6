// The HostK8s IntelliJ plugin: a Gradle build of its own (the IntelliJ Platform Gradle Plugin 2.x), NOT part of the
// Maven reactor. Its plain-Java core (core/) IS a Maven module: `make test` compiles and tests it; this build compiles
// the same sources into the plugin. Needs JetBrains' repositories and the Gradle Plugin Portal: it runs in
// .github/workflows/intellij.yml, not on our machines (see docs/intellij.md).
rootProject.name = "hostk8s-intellij"
