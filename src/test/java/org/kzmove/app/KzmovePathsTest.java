package org.kzmove.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where kzmove keeps its files, from an environment and system properties given by the test (the
 * process's own are never changed): HOME and the XDG variables as other Unix tools read them.
 */
class KzmovePathsTest {
    /** The passwd entry's home directory, which Java reports as user.home. */
    static final String PASSWD_HOME = "/nonexistent-passwd-home/kzadmin";

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    private static Function<String, String> properties(String userHome, String... pairs) {
        Map<String, String> p = env(pairs);
        p.put("user.home", userHome);
        return p::get;
    }

    @ParameterizedTest(name = "HOME={0} XDG_CONFIG_HOME={1} XDG_DATA_HOME={2}")
    @CsvSource(nullValues = "unset", textBlock = """
            # HOME,                 XDG_CONFIG_HOME,   XDG_DATA_HOME,    config dir,                                      data dir
            /home/alice,            unset,             unset,            /home/alice/.config/kzmove,                      /home/alice/.local/share/kzmove
            /home/alice,            /cfg,              /dat,             /cfg/kzmove,                                     /dat/kzmove
            /home/alice,            '',                '  ',             /home/alice/.config/kzmove,                      /home/alice/.local/share/kzmove
            /home/alice,            relative/cfg,      ./dat,            /home/alice/.config/kzmove,                      /home/alice/.local/share/kzmove
            unset,                  unset,             unset,            /nonexistent-passwd-home/kzadmin/.config/kzmove, /nonexistent-passwd-home/kzadmin/.local/share/kzmove
            '',                     unset,             unset,            /nonexistent-passwd-home/kzadmin/.config/kzmove, /nonexistent-passwd-home/kzadmin/.local/share/kzmove
            relative/home,          unset,             unset,            /nonexistent-passwd-home/kzadmin/.config/kzmove, /nonexistent-passwd-home/kzadmin/.local/share/kzmove
            unset,                  /cfg,              unset,            /cfg/kzmove,                                     /nonexistent-passwd-home/kzadmin/.local/share/kzmove
            """)
    void onLinuxHomeAndTheXdgVariablesAreReadAsOtherUnixToolsReadThem(String home, String xdgConfig, String xdgData,
            String config, String data) {
        KzmovePaths paths = KzmovePaths.detect(env("HOME", home, "XDG_CONFIG_HOME", xdgConfig, "XDG_DATA_HOME", xdgData),
                properties(PASSWD_HOME), "Linux");

        assertThat(paths).isEqualTo(new KzmovePaths(Path.of(config), Path.of(data)));
    }

    @Test
    void onMacOsHomeIsHonouredAndTheLayoutIsApplesAsBefore() {
        KzmovePaths paths = KzmovePaths.detect(env("HOME", "/Users/alice", "XDG_CONFIG_HOME", "/cfg"),
                properties(PASSWD_HOME), "Mac OS X");

        Path both = Path.of("/Users/alice/Library/Application Support/kzmove");
        assertThat(paths).isEqualTo(new KzmovePaths(both, both));
    }

    @Test
    void kzmovesOwnOverridesWinOverEverything() {
        KzmovePaths paths = KzmovePaths.detect(env("HOME", "/home/alice", "XDG_CONFIG_HOME", "/cfg",
                "KZMOVE_CONFIG_DIR", "/env/config", "KZMOVE_DATA_DIR", "/env/data"),
                properties(PASSWD_HOME, "kzmove.config.dir", "/prop/config"), "Linux");

        assertThat(paths).isEqualTo(new KzmovePaths(Path.of("/prop/config"), Path.of("/env/data")));
    }

    /**
     * kzmove 0.1 used the passwd entry's home whatever HOME said: where only that directory exists, its
     * hosts, trusted keys and job records are still found there, and nothing is moved.
     */
    @Test
    void filesKeptUnderThePasswdHomeByEarlierVersionsAreStillFoundUntilTheNewPlaceExists() throws Exception {
        Path passwd = dir.resolve("passwd-home");
        Path oldConfig = Files.createDirectories(passwd.resolve(".config/kzmove"));
        Path oldData = Files.createDirectories(passwd.resolve(".local/share/kzmove"));
        Files.writeString(oldConfig.resolve("hosts.json"), "[]");
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = env("HOME", home.toString());

        KzmovePaths found = KzmovePaths.detect(env, properties(passwd.toString()), "Linux");

        assertThat(found).isEqualTo(new KzmovePaths(oldConfig, oldData));
        assertThat(found.hostProfiles()).exists();

        Path newConfig = Files.createDirectories(home.resolve(".config/kzmove"));
        KzmovePaths moved = KzmovePaths.detect(env, properties(passwd.toString()), "Linux");

        assertThat(moved).isEqualTo(new KzmovePaths(newConfig, oldData));
        assertThat(oldConfig.resolve("hosts.json")).exists();
    }

    @Test
    void withNothingKeptAnywhereTheNewPlaceIsUsed() {
        KzmovePaths paths = KzmovePaths.detect(env("HOME", dir.resolve("home").toString()),
                properties(dir.resolve("passwd-home").toString()), "Linux");

        assertThat(paths.configDir()).isEqualTo(dir.resolve("home/.config/kzmove"));
        assertThat(paths.dataDir()).isEqualTo(dir.resolve("home/.local/share/kzmove"));
    }

    /** ssh(1) expands ~ with getpwuid(getuid())->pw_dir, not $HOME: kzmove reads ~/.ssh where ssh does. */
    @Test
    void theUsersSshDirectoryIsThePasswdEntrysAsForOpenSsh() {
        assertThat(KzmovePaths.userSshDir(properties(PASSWD_HOME))).isEqualTo(Path.of(PASSWD_HOME, ".ssh"));
        assertThat(KzmovePaths.userSshDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh"));
    }
}
