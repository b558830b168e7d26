package org.kzmove.migration.precheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.testsupport.LiveHost;

/** The dry run against the simulated host over real SSH (scenario: scenarios/prechecks.json). */
class PrecheckServiceTest {
    static final String FREE_64G = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A001";
    static final String FREE_64G_B = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A002";
    /** Only for the move the tests start and leave running. */
    static final String FOR_RUNNING_MOVE = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A004";
    static final String SMALL_8G = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A003";
    static final String OLD_POOL = "lu:luname.naa.5000CCA0D80E94C0";
    static final String WEB01_DISK = "iscsi://zfssa01/luname.naa.600144F000000000000000000000B001";
    static final String DB01_DISK = "iscsi://zfssa01/luname.naa.600144F000000000000000000000B002";
    static final String UNKNOWN = "iscsi://zfssa02/luname.naa.600144F00000000000000000000FFFFF";

    /** Anything that would change a zone, a configuration, a pool or a volume. */
    static final Pattern MODIFYING = Pattern.compile("\\bzoneadm\\b[^;]*\\b(move|boot|halt|shutdown|apply|install)\\b"
            + "|\\bzonecfg\\b[^;]*\\b(add|remove|set|delete|create|commit|select|clear)\\b"
            + "|\\bzfs\\s+(create|destroy|set)|\\bzpool\\s+(create|attach|detach|destroy|add)|\\bsuriadm\\s+(map|unmap|create|destroy)\\b");

    @TempDir
    static Path dir;
    static LiveHost live;
    static SshConnection root;

    @BeforeAll
    static void start() throws Exception {
        live = LiveHost.scenario(dir, "prechecks");
        root = live.connect("root");
    }

    @AfterAll
    static void stop() throws Exception {
        root.close();
        live.close();
    }

    static MoveRequest request(String zone, boolean force, String... uris) throws InvalidValueException {
        List<MoveTarget> targets = new ArrayList<>();
        for (String u : uris) {
            targets.add(new MoveTarget(StorageUris.parse(u), null));
        }
        return new MoveRequest(zone, targets, force);
    }

    PrecheckReport check(SshConnection c, Privilege privilege, MoveRequest request) throws Exception {
        int before = live.received().size();
        PrecheckReport report = new PrecheckService(privilege).check("root@kzcheck01", LiveHost.shell(c), request);
        List<String> sent = live.received().subList(before, live.received().size());
        assertThat(sent).as("read-only commands only").noneMatch(MODIFYING.asPredicate());
        assertThat(sent).hasSize(3);
        assertThat(report.roundTrips()).isEqualTo(3);
        return report;
    }

    PrecheckReport check(MoveRequest request) throws Exception {
        return check(root, Privilege.NONE, request);
    }

    @Test
    void goodRequestPassesCleanInThreeRoundTrips() throws Exception {
        PrecheckReport report = check(request("web01", false, FREE_64G));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void mirrorOfTwoGoodTargetsPasses() throws Exception {
        assertThat(check(request("db01", false, FREE_64G, FREE_64G_B)).findings()).isEmpty();
    }

    @Test
    void unknownZoneIsAnError() throws Exception {
        PrecheckReport report = check(request("nosuch01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.ZONE_NOT_FOUND);
        assertThat(report.errors().get(0).subject()).isEqualTo("nosuch01");
    }

    @Test
    void zoneOfAnotherBrandIsAnError() throws Exception {
        PrecheckReport report = check(request("infra01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.NOT_KERNEL_ZONE);
        assertThat(report.errors().get(0).message()).contains("solaris zone");
    }

    @Test
    void installedZoneIsAnError() throws Exception {
        PrecheckReport report = check(request("parked01", false, FREE_64G));

        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.ZONE_NOT_RUNNING);
        assertThat(report.errors().get(0).message()).contains("installed");
        assertThat(report.errors().get(0).hint()).contains("zoneadm -z parked01 boot");
    }

    @Test
    void differingLiveAndPersistentConfigurationsAreAnError() throws Exception {
        PrecheckReport report = check(request("drift01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.CONFIGURATIONS_DIFFER);
        assertThat(report.errors().get(0).message()).contains("600144F000000000000000000000B005");
    }

    @Test
    void unhealthyPoolIsAnError() throws Exception {
        PrecheckReport report = check(request("sick01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.POOL_UNHEALTHY);
        assertThat(report.errors().get(0).message()).contains("DEGRADED");
    }

    @Test
    void duplicateUrisInAnySpellingAreAnErrorNamingTheUri() throws Exception {
        String lower = FREE_64G.toLowerCase();
        PrecheckReport report = check(request("web01", false, FREE_64G, lower));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.URI_DUPLICATE);
        assertThat(report.errors().get(0).subject()).isEqualTo(lower);
        assertThat(report.errors().get(0).message()).contains(lower, FREE_64G);
    }

    @Test
    void uriUnknownToTheHostIsAnErrorNamingTheUri() throws Exception {
        PrecheckReport report = check(request("web01", false, UNKNOWN));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.URI_UNKNOWN_TO_HOST);
        assertThat(report.errors().get(0).subject()).isEqualTo(UNKNOWN);
    }

    @Test
    void diskOfTheSameZoneIsAnError() throws Exception {
        PrecheckReport report = check(request("web01", false, WEB01_DISK));

        assertThat(report.errors()).extracting(Finding::code).contains(FindingCode.URI_USED_BY_THIS_ZONE);
        assertThat(report.errors()).allMatch(f -> f.subject().equals(WEB01_DISK));
    }

    @Test
    void diskOfAnotherZoneIsAnErrorNamingThatZone() throws Exception {
        PrecheckReport report = check(request("web01", false, DB01_DISK));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.URI_USED_BY_OTHER_ZONE);
        assertThat(report.errors().get(0).message()).contains("db01", DB01_DISK);
    }

    @Test
    void targetSmallerThanThePoolIsAnError() throws Exception {
        PrecheckReport report = check(request("web01", false, SMALL_8G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.TARGET_TOO_SMALL);
        assertThat(report.errors().get(0).message()).contains(SMALL_8G, "8G", "32G");
    }

    @Test
    void diskOfAnotherPoolIsAnErrorWithoutForce() throws Exception {
        PrecheckReport report = check(request("web01", false, OLD_POOL));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.TARGET_IN_OTHER_POOL);
        assertThat(report.errors().get(0).message()).contains("oldpool");
        assertThat(report.errors().get(0).hint()).contains("force-zpool-attach");
    }

    @Test
    void diskOfAnotherPoolIsOnlyAWarningWithForce() throws Exception {
        PrecheckReport report = check(request("web01", true, OLD_POOL));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).extracting(Finding::code).containsExactly(FindingCode.TARGET_IN_OTHER_POOL_FORCED);
    }

    @Test
    void targetWhoseDeviceTheUriDoesNotNameIsAWarning() throws Exception {
        String nfs = "nfs://admin:staff@nfs01/export/kz/web01-disk1";
        PrecheckReport report = check(request("web01", false, nfs));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).extracting(Finding::code).containsExactly(FindingCode.TARGET_SIZE_UNKNOWN);
        assertThat(report.warnings().get(0).subject()).isEqualTo(nfs);
    }

    @Test
    void diskIdAlreadyUsedByTheZoneIsAnError() throws Exception {
        MoveRequest request = new MoveRequest("web01", List.of(new MoveTarget(StorageUris.parse(FREE_64G), 0)), false);

        assertThat(check(request).errors()).extracting(Finding::code).containsExactly(FindingCode.DISK_ID_IN_USE);
    }

    @Test
    void userWithoutRightsIsAnError() throws Exception {
        try (SshConnection guest = live.connect("guest")) {
            PrecheckReport report = check(guest, Privilege.PFEXEC, request("web01", false, FREE_64G));

            assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.INSUFFICIENT_PRIVILEGES);
            assertThat(report.errors()).extracting(Finding::hint).anyMatch(h -> h.contains("Zone Management"));
        }
    }

    @Test
    void zoneAdministratorNeedsPfexecOrSudo() throws Exception {
        try (SshConnection kzadmin = live.connect("kzadmin")) {
            assertThat(check(kzadmin, Privilege.NONE, request("web01", false, FREE_64G)).errors())
                    .extracting(Finding::code).contains(FindingCode.INSUFFICIENT_PRIVILEGES);
            assertThat(check(kzadmin, Privilege.PFEXEC, request("web01", false, FREE_64G)).findings()).isEmpty();
            assertThat(check(kzadmin, Privilege.SUDO, request("web01", false, FREE_64G)).findings()).isEmpty();
        }
    }

    @Test
    void moveAlreadyRunningOnTheZoneIsAnError() throws Exception {
        // Another administrator's move, started by hand in the background.
        String start = "nohup " + request("slow01", false, FOR_RUNNING_MOVE).command(Privilege.NONE, true).toShellLine()
                + " > /var/tmp/slow01.log 2>&1 < /dev/null &";
        assertThat(root.run(start).succeeded()).isTrue();

        PrecheckReport report = check(request("slow01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).contains(FindingCode.MOVE_ALREADY_RUNNING);
        assertThat(report.errors()).filteredOn(f -> f.code() == FindingCode.MOVE_ALREADY_RUNNING)
                .allMatch(f -> f.message().contains("zoneadm -z slow01 move"));
    }

    @Test
    void hostBeforeSru48IsAnError() throws Exception {
        // The simulator always reports SRU 48; this host answers through a shell that rewrites uname -v.
        org.kzmove.inventory.RemoteShell oldHost = script -> {
            org.kzmove.remote.ssh.CommandResult r = root.run(script.line());
            return new org.kzmove.remote.ssh.CommandResult(r.exitStatus(),
                    r.stdout().replace("11.4.48.126.2", "11.4.42.111.0"), r.stderr());
        };

        PrecheckReport report = new PrecheckService(Privilege.NONE).check("root@old", oldHost,
                request("web01", false, FREE_64G));

        assertThat(report.errors()).extracting(Finding::code).containsExactly(FindingCode.HOST_RELEASE_UNSUPPORTED);
        assertThat(report.errors().get(0).message()).contains("Solaris 11.4 SRU 42", "SRU 48");
    }

    @Test
    void invalidZoneNameSendsNothing() {
        int before = live.received().size();

        assertThatThrownBy(() -> new PrecheckService(Privilege.NONE).check("h", LiveHost.shell(root),
                request("web01; zfs destroy rpool", false, FREE_64G))).isInstanceOf(InvalidValueException.class);
        assertThat(live.received()).hasSize(before);
    }
}
