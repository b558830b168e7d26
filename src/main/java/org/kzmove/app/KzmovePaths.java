package org.kzmove.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where kzmove keeps its files. Configuration (host profiles, known_hosts, settings) and data (job
 * records, the Demo host's keys, logs) follow each desktop's convention; tests and portable
 * installs point both elsewhere with {@code -Dkzmove.config.dir} / {@code -Dkzmove.data.dir} or
 * the environment variables {@code KZMOVE_CONFIG_DIR} / {@code KZMOVE_DATA_DIR}.
 */
public record KzmovePaths(Path configDir, Path dataDir) {

    public static KzmovePaths detect() {
        return detect(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static KzmovePaths detect(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData/Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData/Local"));
            config = appData.resolve("kzmove");
            data = local.resolve("kzmove");
        } else if (os.contains("mac")) {
            config = home.resolve("Library/Application Support/kzmove");
            data = config;
        } else {
            config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("kzmove");
            data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("kzmove");
        }
        config = override(System.getProperty("kzmove.config.dir"), env.get("KZMOVE_CONFIG_DIR"), config);
        data = override(System.getProperty("kzmove.data.dir"), env.get("KZMOVE_DATA_DIR"), data);
        return new KzmovePaths(config, data);
    }

    private static Path override(String property, String variable, Path fallback) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return fallback;
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** Host profiles, one JSON document. */
    public Path hostProfiles() {
        return configDir.resolve("hosts.json");
    }

    /** Host keys kzmove was told to trust (OpenSSH known_hosts format). */
    /** The console's window size, layout and theme (no secrets, nothing about hosts). */
    public Path consoleSettings() {
        return configDir.resolve("console.json");
    }

    public Path knownHosts() {
        return configDir.resolve("known_hosts");
    }

    /** One JSON file per move. */
    public Path jobsDir() {
        return dataDir.resolve("jobs");
    }

    /** The simulated host's persistent host key. */
    public Path simulatorHostKey() {
        return dataDir.resolve("sim/ssh_host_ed25519_key");
    }

    /** The key pair kzmove generates to log in to its Demo host. */
    public Path demoClientKey() {
        return dataDir.resolve("sim/demo_client_ed25519_key");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }
}
