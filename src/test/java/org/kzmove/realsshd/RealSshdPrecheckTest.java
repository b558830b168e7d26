package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.precheck.Finding;
import org.kzmove.migration.precheck.FindingCode;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.PrecheckService;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.storage.StorageUris;

/**
 * The pre-checks through a real sshd, real login shells and the real {@code ps}: the same findings
 * as through the simulator's shell, and a move started by hand on the host is seen by its real pid.
 */
class RealSshdPrecheckTest {
    static final String FREE_20G = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String SMALL_8G = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0007";
    static final String IN_TESTPOOL = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002";

    private static RealSshdHost host;

    @BeforeAll
    static void start() throws Exception {
        host = RealSshdHost.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    /** Each pre-check reads the whole host (some thirty stand-in processes): few cases, many findings each. */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (User u : RealSshdHost.users()) {
            all.add(Arguments.of(u, "lsm", List.of(FREE_20G), List.of()));
            all.add(Arguments.of(u, "lsm", List.of(SMALL_8G, IN_TESTPOOL),
                    List.of(FindingCode.TARGET_TOO_SMALL, FindingCode.TARGET_IN_OTHER_POOL)));
            all.add(Arguments.of(u, "kzdrift", List.of(FREE_20G), List.of(FindingCode.CONFIGURATIONS_DIFFER)));
        }
        return all.stream();
    }

    static MoveRequest request(String zone, String... uris) throws Exception {
        List<MoveTarget> targets = new ArrayList<>();
        for (String u : uris) {
            targets.add(new MoveTarget(StorageUris.parse(u), null));
        }
        return new MoveRequest(zone, targets, false);
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("cases")
    void findingsAreTheSimulatorsOwn(User user, String zone, List<String> uris, List<FindingCode> errors)
            throws Exception {
        MoveRequest request = request(zone, uris.toArray(String[]::new));
        PrecheckReport real;
        PrecheckReport simulated;
        try (SshConnection c = host.connect(user); SshConnection s = host.connectSimulator()) {
            real = new PrecheckService(Privilege.PFEXEC).check("127.0.0.1", RealSshdHost.shell(c), request);
            simulated = new PrecheckService(Privilege.PFEXEC).check("127.0.0.1", RealSshdHost.shell(s), request);
        }

        assertThat(real.errors()).extracting(Finding::code).containsExactlyElementsOf(errors);
        assertThat(real.findings()).isEqualTo(simulated.findings());
        assertThat(real.roundTrips()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void withoutPfexecTheMissingRightsAreFound(User user) throws Exception {
        PrecheckReport real;
        try (SshConnection c = host.connect(user)) {
            real = new PrecheckService(Privilege.NONE).check("127.0.0.1", RealSshdHost.shell(c), request("lsm", FREE_20G));
        }

        assertThat(real.errors()).extracting(Finding::code).contains(FindingCode.INSUFFICIENT_PRIVILEGES);
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void aMoveRunningOnTheHostIsFoundByItsRealPid(User user) throws Exception {
        try (RealSshdHost own = RealSshdHost.start(); SshConnection c = own.connect(user)) {
            String file = own.varTmp + "/by-hand-" + user.name() + ".out";
            CommandResult started = c.run("nohup pfexec zoneadm -z mykz move -v -p " + FREE_20G + " > " + file
                    + " 2>&1 < /dev/null & echo $!");
            String pid = started.stdout().strip();
            // zoneadm waits on the (manual) simulated clock once it is resilvering: it stays running
            own.advanceUntil("zoneadm resilvering", () -> own.fileText(file).contains("Waiting for disks to resilver."));

            PrecheckReport report = new PrecheckService(Privilege.PFEXEC).check("127.0.0.1", RealSshdHost.shell(c),
                    request("mykz", FREE_20G));

            assertThat(report.errors()).extracting(Finding::code).contains(FindingCode.MOVE_ALREADY_RUNNING);
            assertThat(report.errors()).anySatisfy(f -> assertThat(f.message()).contains("(pid " + pid + ": zoneadm -z mykz move -v -p " + FREE_20G + ")"));
        }
    }
}
