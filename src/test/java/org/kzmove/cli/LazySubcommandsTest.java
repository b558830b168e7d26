package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kzmove --help} lists every subcommand without building one (their start cost is measured in docs/benchmarks.md). */
class LazySubcommandsTest {
    @Test
    void theListedNamesAndSummariesAreThoseOfTheCommandsThemselves() {
        Main main = Main.standard();
        for (String name : main.names()) {
            Main.Listed listed = main.listed(name);
            Subcommand built = listed.build().get();
            assertThat(built.name()).isEqualTo(listed.name());
            assertThat(built.summary()).isEqualTo(listed.summary());
        }
        assertThat(main.names()).containsExactly("hosts", "zones", "check", "move", "jobs", "attach", "replay", "sim");
    }

    /** In a JVM of its own, so that nothing another test loaded counts: help loads no JSON, SSH or crypto library. */
    @Test
    void helpLoadsNeitherJacksonNorSshjNorBouncyCastle(@TempDir Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--help")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Subcommands:").contains("  move ");
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).anyMatch(l -> l.contains("org.kzmove.cli.Main "));
        assertThat(loaded).noneMatch(l -> l.contains("com.fasterxml.jackson") || l.contains("net.schmizz")
                || l.contains("org.bouncycastle") || l.contains("org.apache.sshd") || l.contains("org.kzmove.cli.MoveCommand "));
    }
}
