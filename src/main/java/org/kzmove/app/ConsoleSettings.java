package org.kzmove.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.ui.common.Theme;
import org.tinylog.Logger;

/**
 * What the console remembers between runs: the window's size and place, the split positions and
 * the theme. Read before the window opens (on the JavaFX launcher thread, not the FX thread) and
 * written when it closes. A missing or unreadable file gives the defaults: losing a window size
 * must never stop the console from starting.
 *
 * @param x          NaN when never placed (the window is centred)
 * @param dividers   split-pane divider positions, outermost first; empty for the defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsoleSettings(double x, double y, double width, double height, boolean maximized,
        List<Double> dividers, Theme theme) {

    private static final double DEFAULTS_WIDTH = 1280;
    private static final double DEFAULTS_HEIGHT = 800;
    public static final ConsoleSettings DEFAULTS =
            new ConsoleSettings(Double.NaN, Double.NaN, DEFAULTS_WIDTH, DEFAULTS_HEIGHT, false, List.of(), Theme.SYSTEM);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Smaller than this and the window is unusable; a damaged file must not shrink it to nothing. */
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 420;

    public ConsoleSettings {
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
        theme = theme == null ? Theme.SYSTEM : theme;
        width = Double.isFinite(width) ? Math.max(width, MIN_WIDTH) : DEFAULTS_WIDTH;
        height = Double.isFinite(height) ? Math.max(height, MIN_HEIGHT) : DEFAULTS_HEIGHT;
    }

    /** Reads {@code file}; the defaults when it is missing or damaged (logged). */
    public static ConsoleSettings load(Path file) {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            ConsoleSettings s = JSON.readValue(file.toFile(), ConsoleSettings.class);
            List<Double> valid = new ArrayList<>();
            for (Double d : s.dividers()) {
                if (d != null && d > 0 && d < 1) {
                    valid.add(d);
                }
            }
            return new ConsoleSettings(s.x, s.y, s.width, s.height, s.maximized, valid, s.theme);
        } catch (IOException e) {
            Logger.warn("Ignoring the console settings in {}: {}", file, e.getMessage());
            return DEFAULTS;
        }
    }

    /** Writes {@code file} whole (a temporary file moved into place, so a crash never leaves half a file). */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(x, y, width, height, maximized, dividers, newTheme);
    }

    /** Whether the window was ever placed (otherwise it is centred on the screen). */
    public boolean placed() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
