package org.kzmove.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.tinylog.Logger;

/**
 * Whether the desktop prefers dark colours, where that can be read: GNOME's and GTK's settings on
 * Linux, the Apple interface style on macOS, the "apps use light theme" value on Windows. Each
 * probe is a fixed local command (no user input in it) with a short time limit, run once before
 * the window opens, never on the FX thread. Unknown → light.
 */
public final class DesktopAppearance {
    private static final long PROBE_SECONDS = 2;

    private DesktopAppearance() {
    }

    /** True when the desktop is known to prefer dark colours. */
    public static boolean prefersDark() {
        return prefersDark(System.getenv(), System.getProperty("os.name", ""));
    }

    static boolean prefersDark(Map<String, String> env, String osName) {
        String gtkTheme = env.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return probe(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).map(out -> out.contains("Dark"))
                    .orElse(false);
        }
        if (os.contains("windows")) {
            return probe(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*"))
                    .orElse(false);
        }
        if (env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY")) {
            Optional<String> scheme = probe(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
            if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
                return true;
            }
            return probe(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                    .map(out -> out.toLowerCase(Locale.ROOT).contains("dark")).orElse(false);
        }
        return false;
    }

    /** What a probe printed, or empty when it is missing, failed or took too long. */
    private static Optional<String> probe(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            Logger.debug("Desktop appearance probe {} unavailable: {}", command.get(0), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
