package org.subledger.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged jar (built by the package phase, before this test) loads the ledger's patched Axon WorkPackage and
 * DateTimeUtils, not Axon's own: BOOT-INF/classes precede BOOT-INF/lib on the launched class path. Runs AxonPatches
 * inside the jar through Spring Boot's PropertiesLauncher, which builds the same class path as {@code java -jar}.
 */
class FatJarAxonPatchIT {

    @Test
    void theFatJarLoadsThePatchedAxonClasses() throws Exception {
        Path jar = Path.of("target", "ledger-app-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("the repackaged jar; run through 'mvn verify', which packages first").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Dloader.main=" + AxonPatches.class.getName(),
                "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines()).as(output).anyMatch(line -> line.startsWith("patched WorkPackage from ")
                        && line.contains("BOOT-INF/classes"))
                .anyMatch(line -> line.startsWith("patched DateTimeUtils from ") && line.contains("BOOT-INF/classes"));
        assertThat(Files.size(jar)).isPositive();
    }
}
