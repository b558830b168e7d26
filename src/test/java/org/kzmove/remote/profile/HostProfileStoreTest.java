package org.kzmove.remote.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.remote.command.Privilege;
import org.kzmove.solaris.InvalidValueException;

class HostProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void addsListsAndRemovesProfilesInAFileThatHoldsNoSecret() throws Exception {
        HostProfileStore store = new HostProfileStore(dir.resolve("cfg/hosts.json"));
        store.add(new HostProfile("prod-a", "kzhost1.example.com", 22, "ann", "/home/ann/.ssh/id_ed25519", Privilege.PFEXEC));
        store.add(new HostProfile("lab", "192.0.2.7", 2222, "bob", null, Privilege.SUDO));
        assertThat(store.list()).extracting(HostProfile::name).containsExactly("lab", "prod-a");
        assertThat(store.find("lab")).get().extracting(HostProfile::privilege).isEqualTo(Privilege.SUDO);
        String text = Files.readString(dir.resolve("cfg/hosts.json"));
        assertThat(text).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("passphrase");
        assertThat(store.remove("lab")).isTrue();
        assertThat(store.remove("lab")).isFalse();
        assertThat(store.list()).extracting(HostProfile::name).containsExactly("prod-a");
    }

    @Test
    void refusesDuplicatesAndInvalidProfilesWithoutWriting() throws Exception {
        Path file = dir.resolve("hosts.json");
        HostProfileStore store = new HostProfileStore(file);
        store.add(new HostProfile("a", "h1", 22, "ann", null, Privilege.PFEXEC));
        String before = Files.readString(file);
        assertThatThrownBy(() -> store.add(new HostProfile("a", "h2", 22, "ann", null, null)))
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> store.add(new HostProfile("b", "h;reboot", 22, "ann", null, null)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("host address");
        assertThatThrownBy(() -> store.add(new HostProfile("c", "h3", 70000, "ann", null, null)))
                .hasMessageContaining("between 1 and 65535");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aCorruptFileGivesAClearError() throws Exception {
        Path file = dir.resolve("hosts.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new HostProfileStore(file).list()).hasMessageContaining("is not a valid kzmove host list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kzhost1", "kzhost1.example.com", "127.0.0.1", "::1", "[fe80::1]", "a-b.c"})
    void acceptsHostAddresses(String address) throws InvalidValueException {
        HostProfile.validateAddress(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host name", "h;id", "h$(id)", "-h", "256.1.1.1", "1.2.3", "[::g]", "h\n", "h..x"})
    void refusesHostileOrMalformedAddresses(String address) {
        assertThatThrownBy(() -> HostProfile.validateAddress(address)).isInstanceOf(InvalidValueException.class);
    }
}
