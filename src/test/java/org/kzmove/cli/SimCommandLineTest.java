package org.kzmove.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.KzmovePaths;

/** The sim command's refusals; a successful start blocks until Ctrl-C and is covered by SimulatedHost tests. */
class SimCommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Main main = new Main(List.of(new SimCommandLine(new KzmovePaths(dir.resolve("cfg"), dir.resolve("data")))));
        return main.run(List.of(args), new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)));
    }

    @Test
    void refusesBadOptionValuesAsUsageErrors() {
        assertThat(run("sim", "--port", "http")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(UTF_8)).contains("--port needs a whole number, got 'http'");
        assertThat(run("sim", "--port", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("sim", "--time-scale", "-3")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("sim", "--zones", "5", "--scenario", "x.json")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("sim", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(UTF_8)).contains("unknown option '--bogus'");
    }

    @Test
    void aMissingOrBrokenScenarioIsOneClearLineAndNothingIsStarted() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.pub"), "");
        assertThat(run("sim", "--port", "0", "--authorized-keys", keys.toString(), "--scenario",
                dir.resolve("missing.json").toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8)).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"hostname\": 12, \"zones\": [");
        err.reset();
        assertThat(run("sim", "--port", "0", "--authorized-keys", keys.toString(), "--scenario", broken.toString()))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8)).startsWith("kzmove sim: cannot start:").doesNotContain("\tat ");
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    @Test
    void aScenarioWithAZoneNameSolarisWouldRefuseIsRefused() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.pub"), "");
        Path hostile = Files.writeString(dir.resolve("hostile.json"), "{\"hostname\": \"h\", \"zones\": [{\"name\": \"a;b\"}]}");
        assertThat(run("sim", "--port", "0", "--authorized-keys", keys.toString(), "--scenario", hostile.toString()))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(UTF_8)).contains("zone name 'a;b': character ';' at position 2 is not allowed");
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("sim", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(UTF_8)).contains("--port", "--bind", "--scenario", "--zones", "--time-scale", "--seed",
                "--authorized-keys", "--host-key", "--audit");
    }
}
