import org.jetbrains.intellij.platform.gradle.TestFrameworkType

// Build: ./gradlew buildPlugin verifyPlugin (or `gradle` 8.x); see docs/intellij.md. NOT run on our machines:
// JetBrains' repositories (IDE, LSP4IJ) and the Gradle Plugin Portal are unreachable there. CI: .github/workflows/intellij.yml.
plugins {
    java
    id("org.jetbrains.intellij.platform") version "2.9.0"
}

group = "io.hostk8s.dev"
version = providers.gradleProperty("pluginVersion").get()

repositories {
    mavenCentral()
    intellijPlatform { defaultRepositories() }
}

// The plain-Java core (intellij-plugin/core, a Maven module unit-tested by `make test`) and the protocol records are
// compiled into the plugin: one copy of the logic, tested where it can be.
sourceSets {
    main {
        java.srcDirs("src/main/java", "core/src/main/java", "../protocol/src/main/java")
    }
}

dependencies {
    intellijPlatform {
        intellijIdeaCommunity(providers.gradleProperty("platformVersion"))
        bundledPlugin("com.intellij.java")                          // Remote JVM Debug for "HostK8s worker (JVM)"
        plugin("com.redhat.devtools.lsp4ij", providers.gradleProperty("lsp4ijVersion").get())
        pluginVerifier()
        zipSigner()
        testFramework(TestFrameworkType.Platform)
    }
    // No lsp4j and no Gson here: LSP4IJ brings lsp4j, the platform brings Gson. A second lsp4j in the plugin breaks
    // LSP4IJ with ClassCastExceptions.
    testImplementation("junit:junit:4.13.2")
}

java {
    toolchain { languageVersion = JavaLanguageVersion.of(21) }          // IntelliJ 2024.2+ runs on Java 21
}

intellijPlatform {
    pluginConfiguration {
        ideaVersion {
            sinceBuild = "242"                                          // also in plugin.xml (checked by the descriptor test)
            untilBuild = provider { null }
        }
    }
    pluginVerification {
        ides { recommended() }
    }
}

// The server the plugin starts: Maven's shaded jar (`mvn -B -pl server -am package -DskipTests`), bundled as
// <plugin>/server/hostk8s-dev-server.jar (HostK8sSettings.serverJar()).
val serverJar = layout.projectDirectory.file("../server/target/hostk8s-dev-server.jar")

tasks {
    prepareSandbox {
        from(serverJar) { into(pluginName.map { "$it/server" }) }
        doFirst {
            check(serverJar.asFile.isFile) { "${serverJar.asFile} missing: run mvn -B -pl server -am package -DskipTests first" }
        }
    }
    test {
        // the platform tests start a headless IDE with the plugin and LSP4IJ loaded
        systemProperty("hostk8s.serverJar", serverJar.asFile.absolutePath)
    }
}
