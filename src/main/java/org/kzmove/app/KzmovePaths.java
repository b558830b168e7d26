package org.kzmove.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where kzmove keeps its files (docs/decisions/0016-where-kzmove-keeps-its-files.md). Configuration
 * (host profiles, known_hosts, settings) and data (job records, the Demo host's keys, logs) follow each
 * desktop's convention:
 * <ul>
 * <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/kzmove} and {@code $XDG_DATA_HOME/kzmove} when
 * those are set to absolute paths (the XDG Base Directory rules: a relative one is ignored), else
 * {@code $HOME/.config/kzmove} and {@code $HOME/.local/share/kzmove};</li>
 * <li>macOS: {@code $HOME/Library/Application Support/kzmove} for both;</li>
 * <li>Windows: {@code %APPDATA%\kzmove} and {@code %LOCALAPPDATA%\kzmove}.</li>
 * </ul>
 * {@code HOME} is the environment's when it is set to an absolute path, as for other Unix tools, else
 * the passwd entry's home directory (Java's {@code user.home}). Tests and portable installs point both
 * directories elsewhere with {@code -Dkzmove.config.dir} / {@code -Dkzmove.data.dir} or
 * {@code KZMOVE_CONFIG_DIR} / {@code KZMOVE_DATA_DIR}.
 *
 * <p>kzmove 0.1 found its directories from the passwd entry alone and took a relative XDG variable as
 * it was. Where that gives another directory than the rules above, the new one does not exist yet and
 * the old one does, the old one is used, so nobody's hosts, trusted keys and job records are lost when
 * {@code HOME} differs from the passwd entry; nothing is moved.
 *
 * <p>{@code ~/.ssh} is not kzmove's: it is read where OpenSSH reads it, see {@link #userSshDir()}.
 */
public record KzmovePaths(Path configDir, Path dataDir) {

    public static KzmovePaths detect() {
        return detect(System.getenv(), System::getProperty, System.getProperty("os.name", ""));
    }

    /**
     * @param env        the environment
     * @param properties Java's system properties ({@code user.home}, {@code kzmove.config.dir},
     *                   {@code kzmove.data.dir})
     */
    static KzmovePaths detect(Map<String, String> env, Function<String, String> properties, String osName) {
        Path passwdHome = Path.of(properties.apply("user.home"));
        Path home = absolute(env.get("HOME")) != null ? absolute(env.get("HOME")) : passwdHome;
        KzmovePaths now = conventional(env, osName, home, false);
        KzmovePaths before = conventional(env, osName, passwdHome, true);
        Path config = override(properties.apply("kzmove.config.dir"), env.get("KZMOVE_CONFIG_DIR"),
                stillThere(now.configDir(), before.configDir()));
        Path data = override(properties.apply("kzmove.data.dir"), env.get("KZMOVE_DATA_DIR"),
                stillThere(now.dataDir(), before.dataDir()));
        return new KzmovePaths(config, data);
    }

    /**
     * The directories of each desktop's convention under {@code home}.
     *
     * @param asBefore as kzmove 0.1 read the XDG variables: any value that is not blank, relative ones too
     */
    private static KzmovePaths conventional(Map<String, String> env, String osName, Path home, boolean asBefore) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData/Roaming"), asBefore);
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData/Local"), asBefore);
            return new KzmovePaths(appData.resolve("kzmove"), local.resolve("kzmove"));
        }
        if (os.contains("mac")) {
            Path both = home.resolve("Library/Application Support/kzmove");
            return new KzmovePaths(both, both);
        }
        return new KzmovePaths(pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"), asBefore).resolve("kzmove"),
                pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local/share"), asBefore).resolve("kzmove"));
    }

    /** {@code now}, unless only the directory kzmove 0.1 used exists: then that one, so its files are still found. */
    private static Path stillThere(Path now, Path before) {
        if (!now.equals(before) && !Files.isDirectory(now) && Files.isDirectory(before)) {
            return before;
        }
        return now;
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

    private static Path pathOr(String value, Path fallback, boolean anyValue) {
        if (anyValue) {
            return value == null || value.isBlank() ? fallback : Path.of(value);
        }
        Path p = absolute(value);
        return p == null ? fallback : p;
    }

    /** {@code value} as a path when it is an absolute one; null when unset, blank, relative or not a path. */
    private static Path absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(value);
            return p.isAbsolute() ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * The user's OpenSSH directory, {@code ~/.ssh}: their known_hosts (read, never written) and default
     * key files. It is where OpenSSH itself looks: ssh(1) expands {@code ~} with the home directory of
     * the passwd entry ({@code getpwuid(getuid())->pw_dir}), not with {@code $HOME}, and Java's
     * {@code user.home} is that same directory. So kzmove trusts the host keys {@code ssh} trusts,
     * whatever {@code HOME} says.
     */
    public static Path userSshDir() {
        return userSshDir(System::getProperty);
    }

    static Path userSshDir(Function<String, String> properties) {
        return Path.of(properties.apply("user.home"), ".ssh");
    }

    /** Host profiles, one JSON document. */
    public Path hostProfiles() {
        return configDir.resolve("hosts.json");
    }

    /** The console's window size, layout and theme (no secrets, nothing about hosts). */
    public Path consoleSettings() {
        return configDir.resolve("console.json");
    }

    /** Host keys kzmove was told to trust (OpenSSH known_hosts format). */
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
