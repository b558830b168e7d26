package org.kzmove.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleEntryTest {

    @Test
    void withoutASubcommandTheDesktopConsoleOpensAndItsStatusIsKzmoves() {
        List<String> opened = new ArrayList<>();
        Main main = new Main(List.of(), io -> {
            opened.add("console");
            return 0;
        });

        int status = main.run(List.of(), io());

        assertThat(opened).containsExactly("console");
        assertThat(status).isZero();
    }

    @Test
    void aSubcommandNeverOpensTheConsole() {
        List<String> opened = new ArrayList<>();
        Main main = new Main(List.of(), io -> {
            opened.add("console");
            return 0;
        });

        main.run(List.of("--help"), io());

        assertThat(opened).isEmpty();
    }

    @Test
    void noDisplayIsSaidPlainly() {
        RuntimeException launch = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(DesktopConsole.reason(launch)).isEqualTo("no display (Unable to open DISPLAY)");
    }

    @Test
    void missingGtkIsSaidPlainly() {
        assertThat(DesktopConsole.reason(new RuntimeException("Unable to load glass GTK library.")))
                .isEqualTo("JavaFX cannot run here (Unable to load glass GTK library.)");
    }

    private static CliIo io() {
        return new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    }
}
