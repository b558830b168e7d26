package org.kzmove.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.ui.common.Theme;

class ConsoleSettingsTest {
    @TempDir
    Path dir;

    @Test
    void settingsSurviveARoundTrip() throws Exception {
        Path file = dir.resolve("config/console.json");
        ConsoleSettings saved = new ConsoleSettings(40, 60, 1500, 900, true, List.of(0.25, 0.6), Theme.DARK);

        saved.save(file);

        assertThat(ConsoleSettings.load(file)).isEqualTo(saved);
        assertThat(dir.resolve("config")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aMissingFileGivesTheDefaultsAndAnUnplacedWindow() {
        ConsoleSettings s = ConsoleSettings.load(dir.resolve("absent.json"));

        assertThat(s).isEqualTo(ConsoleSettings.DEFAULTS);
        assertThat(s.placed()).isFalse();
        assertThat(s.theme()).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void aDamagedFileGivesTheDefaultsInsteadOfStoppingTheConsole() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{\"width\": 12");

        assertThat(ConsoleSettings.load(file)).isEqualTo(ConsoleSettings.DEFAULTS);
    }

    @Test
    void absurdValuesAreRepairedNotObeyed() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{\"x\":10,\"y\":10,\"width\":3,\"height\":-5,\"dividers\":[0.3,7,-1],\"theme\":\"LIGHT\","
                + "\"somethingNew\":true}");

        ConsoleSettings s = ConsoleSettings.load(file);

        assertThat(s.width()).isEqualTo(640);
        assertThat(s.height()).isEqualTo(420);
        assertThat(s.dividers()).containsExactly(0.3);
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aDarkGtkThemeMeansTheDesktopPrefersDarkAndNoDisplayMeansLight() {
        assertThat(DesktopAppearance.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), "Linux")).isTrue();
        assertThat(DesktopAppearance.prefersDark(Map.of(), "Linux")).isFalse();
        assertThat(Theme.SYSTEM.isDark(true)).isTrue();
        assertThat(Theme.LIGHT.isDark(true)).isFalse();
        assertThat(Theme.DARK.isDark(false)).isTrue();
    }
}
