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
        assertThatThrownBy(() -> new HostProfileStore(file).list()).hasMessageContaining("is not a valid kzmove host list")
                .message().doesNotContain("\n");
    }

    static final String ONE_DAMAGED = """
            {"hosts": [
              {"name": "good", "address": "kzhost1.example.com", "port": 22, "user": "ann", "privilege": "PFEXEC"},
              {"name": "bad", "address": "kzhost2.example.com", "port": 70000, "user": "ann", "privilege": "PFEXEC"},
              {"name": "worse", "address": "kzhost3;reboot", "port": 22, "user": "ann", "privilege": "PFEXEC"}
            ]}
            """;

    @Test
    void aPortOutOfRangeIsOneLineNamingTheFileAndTheHostAndTheOthersStillList() throws Exception {
        Path file = dir.resolve("hosts.json");
        Files.writeString(file, ONE_DAMAGED);
        HostProfileStore store = new HostProfileStore(file);

        HostProfileStore.Listing listing = store.read();

        assertThat(listing.hosts()).extracting(HostProfile::name).containsExactly("good");
        assertThat(listing.damaged()).containsExactly(
                file + ": saved host 'bad': port '70000': must be between 1 and 65535; left as it is",
                file + ": saved host 'worse': host address 'kzhost3;reboot': is not a valid host name "
                        + "(labels of letters, digits and '-', separated by dots); left as it is");
        assertThat(store.list()).extracting(HostProfile::name).containsExactly("good");
        assertThat(store.find("good")).isPresent();
        assertThatThrownBy(() -> store.find("bad")).hasMessage(listing.damaged().get(0));
    }

    @Test
    void nothingIsRewrittenOverAFileWithADamagedHost() throws Exception {
        Path file = dir.resolve("hosts.json");
        Files.writeString(file, ONE_DAMAGED);
        HostProfileStore store = new HostProfileStore(file);

        assertThatThrownBy(() -> store.add(new HostProfile("new", "h4", 22, "ann", null, null)))
                .hasMessage(file + ": saved host 'bad': port '70000': must be between 1 and 65535; "
                        + "fix or remove it first, nothing was changed");
        assertThatThrownBy(() -> store.remove("good")).hasMessageEndingWith("fix or remove it first, nothing was changed");
        assertThat(Files.readString(file)).isEqualTo(ONE_DAMAGED);
    }

    @Test
    void anEntryThatIsNotAHostIsOneLineToo() throws Exception {
        Path file = dir.resolve("hosts.json");
        Files.writeString(file, """
                {"hosts": [{"address": "h1", "port": 22, "user": "ann"}, {"name": "x", "address": "h2", "port": "ssh", "user": "ann"}]}
                """);
        HostProfileStore.Listing listing = new HostProfileStore(file).read();
        assertThat(listing.hosts()).isEmpty();
        assertThat(listing.damaged()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("\n")
                .endsWith("; left as it is"));
        assertThat(listing.damaged().get(0)).startsWith(file + ": saved host number 1: ");
        assertThat(listing.damaged().get(1)).startsWith(file + ": saved host 'x': ");
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
