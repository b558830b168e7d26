package org.kzmove.remote.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.testsupport.LiveHost;

/**
 * Hostile names, URIs and addresses are refused before a command line exists, so the host never
 * receives anything: each case tries to build and run a command over a live connection, and the
 * simulator's audit stays empty.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static LiveHost live;
    static SshConnection root;

    @BeforeAll
    static void start() throws Exception {
        live = LiveHost.demo(dir);
        root = live.connect("root");
    }

    @AfterAll
    static void stop() throws Exception {
        root.close();
        live.close();
    }

    /** Builds with {@code build} and runs what it built: only reachable when validation failed to refuse. */
    static void buildAndRun(ThrowingSupplier build) throws Exception {
        int before = live.received().size();
        assertThatThrownBy(() -> root.run(build.get().toShellLine())).isInstanceOf(InvalidValueException.class);
        assertThat(live.received()).hasSize(before);
    }

    interface ThrowingSupplier {
        RemoteCommand get() throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"web01; reboot", "web01$(reboot)", "`reboot`", "web01\nreboot", "-z", "../web01", "",
            "web01 -x force-zpool-attach", "web01'", "global"})
    void hostileZoneNamesAreRefused(String zone) throws Exception {
        buildAndRun(() -> RemoteCommand.of(Program.ZONEADM, Privilege.PFEXEC).flag("-z").zone(zone).word("list").build());
        buildAndRun(() -> new MoveRequest(zone, List.of(new MoveTarget(StorageUris.parse("lu:luname.naa.5000CCA05E20B247"),
                null)), false).command(Privilege.PFEXEC, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev:/dev/zvol/dsk/rpool/x;reboot", "dev:/dev/zvol/dsk/rpool/$(reboot)",
            "iscsi://host/luname.naa.600144F0;reboot", "lu:luname.naa.5000CCA0 -x force-zpool-attach",
            "dev:/dev/zvol/dsk/../../etc/passwd", "nfs://a:b@h/x`id`", "file:///tmp/x\nreboot", "-p"})
    void hostileStorageUrisAreRefused(String uri) throws Exception {
        buildAndRun(() -> RemoteCommand.of(Program.SURIADM, Privilege.NONE).word("parse").storageUri(uri).build());
        buildAndRun(() -> new MoveRequest("web01", List.of(new MoveTarget(StorageUris.parse(uri), null)), false)
                .command(Privilege.PFEXEC, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(reboot)", "a;b", "-oProxyCommand=sh", "host name", "bad_host.example.com", "1.2.3.400",
            "[::g]", "h\nx", ""})
    void hostileHostAddressesAreRefusedBeforeConnecting(String address) {
        HostProfile profile = new HostProfile("p1", address, 22, "root", null, Privilege.PFEXEC);

        assertThatThrownBy(profile::validated).isInstanceOf(InvalidValueException.class);
        assertThat(live.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=sh", "root;id", "a b", "$(id)"})
    void hostileUserNamesAreRefused(String user) {
        assertThatThrownBy(new HostProfile("p1", "127.0.0.1", 22, user, null, Privilege.NONE)::validated)
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1000, Integer.MIN_VALUE})
    void diskIdsOutsideTheRangeAreRefused(int id) throws Exception {
        buildAndRun(() -> new MoveRequest("web01", List.of(new MoveTarget(StorageUris.parse("lu:luname.naa.5000CCA05E20B247"),
                id)), false).command(Privilege.NONE, true));
    }
}
