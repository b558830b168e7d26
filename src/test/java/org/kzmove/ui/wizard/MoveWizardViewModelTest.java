package org.kzmove.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.Finding;
import org.kzmove.migration.precheck.FindingCode;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.Severity;
import org.kzmove.remote.RemoteException;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.wizard.MoveWizardViewModel.Step;

class MoveWizardViewModelTest {
    private static final String LUN = "iscsi://zfssa02/luname.naa.600144F047BEC1A82EEB3891212E3CEF";
    private static final String LUN2 = "iscsi://zfssa02/luname.naa.600144F004A403C2580123A49F7AE7C7";

    private final WizardFakeHost host = new WizardFakeHost();
    private final SameThreadTaskExecutor executor = SameThreadTaskExecutor.immediate();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<MoveRequest> started = new ArrayList<>();
    private final List<ConsoleHost> startedOn = new ArrayList<>();

    private static ZoneInventory web01() {
        return FakeHostSource.twoZones().zone("web01").orElseThrow();
    }

    private MoveWizardViewModel wizard() {
        return new MoveWizardViewModel(host, web01(), executor, dialogs, (h, r) -> {
            startedOn.add(h);
            started.add(r);
        });
    }

    private static Finding finding(Severity severity, FindingCode code, String message) {
        return new Finding(severity, code, LUN, message, "a hint");
    }

    private MoveWizardViewModel atPrechecks(String... uris) {
        MoveWizardViewModel w = wizard();
        w.next();
        for (String u : uris) {
            w.targets().use(u);
        }
        w.next();
        w.next();
        assertThat(w.stepProperty().get()).isEqualTo(Step.PRECHECKS);
        return w;
    }

    @Test
    void theFirstStepShowsTheZonesDisksAndPoolAndAllowsNext() {
        MoveWizardViewModel w = wizard();

        assertThat(w.stepTitleBinding().get()).isEqualTo("Move the storage of web01 — step 1 of 5: Current disks and pool");
        assertThat(w.current().disks()).extracting(CurrentDisksStepViewModel.DiskLine::disk).containsExactly("c1d0", "c1d1");
        assertThat(w.current().disks().get(0).boot()).isEqualTo("boot priority 0");
        assertThat(w.current().poolText()).startsWith("rpool: ONLINE, size 16G, allocated 4G").contains("c1d0");
        assertThat(w.canGoBackBinding().get()).isFalse();
        assertThat(w.canGoNextBinding().get()).isTrue();
    }

    @Test
    void aZoneWhoseConfigurationCouldNotBeReadCannotBeMoved() {
        ZoneInventory db01 = FakeHostSource.twoZones().zone("db01").orElseThrow();
        MoveWizardViewModel w = new MoveWizardViewModel(host, db01, executor, dialogs, (h, r) -> { });

        assertThat(w.current().blocker()).get().asString().contains("configuration of db01 could not be read");
        assertThat(w.canGoNextBinding().get()).isFalse();
    }

    @Test
    void anInvalidUriShowsThePreciseProblemAndDisablesNext() {
        MoveWizardViewModel w = wizard();
        w.next();
        TargetRowViewModel row = w.targets().rows().get(0);

        row.uriProperty().set("iscsi://zfssa02:99999/luname.naa.600144F047BEC1A82EEB3891212E3CEF");

        assertThat(row.errorProperty().get()).startsWith("Not a storage URI: ").contains("99999").contains("65535");
        assertThat(w.canGoNextBinding().get()).isFalse();

        row.uriProperty().set(LUN);
        assertThat(row.errorProperty().get()).isEmpty();
        assertThat(w.canGoNextBinding().get()).isTrue();
    }

    @Test
    void anEmptyTargetAsksForAUri() {
        MoveWizardViewModel w = wizard();
        w.next();

        assertThat(w.targets().rows().get(0).errorProperty().get()).startsWith("Enter a storage URI");
        assertThat(w.canGoNextBinding().get()).isFalse();
    }

    @Test
    void theSameStorageTwiceIsRefusedEvenSpelledDifferently() {
        TargetsStepViewModel t = wizard().targets();
        t.use(LUN);
        t.use(LUN.toLowerCase().replace("zfssa02", "zfssa02:3260"));

        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).errorProperty().get()).isEmpty();
        assertThat(t.rows().get(1).errorProperty().get()).isEqualTo(
                "Same storage as target 1: each target must be a different disk.");
        assertThat(t.validProperty().get()).isFalse();
    }

    @Test
    void aCurrentDiskOfTheZoneIsRefused() {
        TargetsStepViewModel t = wizard().targets();
        // The zone's disk1 is configured as "dev:/dev/zvol/..."; "dev:///dev/..." is another spelling of it.
        t.use("dev:///dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1");

        assertThat(t.rows().get(0).errorProperty().get())
                .isEqualTo("This is already a disk of web01 (id 1): a move needs new storage.");
        assertThat(t.validProperty().get()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',     ''
            2,      ''
            999,    ''
            1000,   'Disk id must be from 0 to 999.'
            -1,     'Disk id must be from 0 to 999.'
            two,    'Disk id must be a whole number from 0 to 999, or empty.'
            0,      'Disk id 0 is used by a current disk of web01 (c1d0).'
            """)
    void theDiskIdIsOptionalAndBounded(String id, String expected) {
        TargetsStepViewModel t = wizard().targets();
        t.use(LUN);
        t.rows().get(0).diskIdProperty().set(id);

        assertThat(t.rows().get(0).errorProperty().get()).isEqualTo(expected);
        assertThat(t.validProperty().get()).isEqualTo(expected.isEmpty());
        if (expected.isEmpty()) {
            assertThat(t.targets().orElseThrow().get(0).diskId()).isEqualTo(id.isEmpty() ? null : Integer.valueOf(id));
        }
    }

    @Test
    void oneDiskIdForTwoTargetsIsRefused() {
        TargetsStepViewModel t = wizard().targets();
        t.use(LUN);
        t.use(LUN2);
        t.rows().get(0).diskIdProperty().set("5");
        t.rows().get(1).diskIdProperty().set("5");

        assertThat(t.rows().get(1).errorProperty().get()).isEqualTo("Disk id 5 is already given to target 1.");
        assertThat(t.layoutBinding().get()).isEqualTo("2 targets: the root pool becomes a 2-way mirror.");
    }

    @Test
    void aRemovedRowNoLongerCounts() {
        TargetsStepViewModel t = wizard().targets();
        t.use(LUN);
        TargetRowViewModel extra = t.addTarget();
        assertThat(t.validProperty().get()).isFalse();

        t.removeTarget(extra);

        assertThat(t.validProperty().get()).isTrue();
        t.removeTarget(t.rows().get(0));
        assertThat(t.rows()).as("the last row stays").hasSize(1);
    }

    @Test
    void freeStorageIsReadInTheBackgroundAndCanBePicked() {
        host.free = List.of(new FreeStorage(LUN2, 250L << 30, "/dev/dsk/c0t600144F004A403C2580123A49F7AE7C7d0", ""));
        TargetsStepViewModel t = wizard().targets();

        assertThat(t.freeStorage()).hasSize(1);
        assertThat(TargetsStepViewModel.describe(t.freeStorage().get(0))).isEqualTo("250G  " + LUN2);
        t.useFreeStorage(t.freeStorage().get(0));

        assertThat(t.rows().get(0).uriProperty().get()).isEqualTo(LUN2);
        assertThat(t.validProperty().get()).isTrue();
    }

    @Test
    void aFreeStorageProbeThatFailsSaysSoInsteadOfThrowing() {
        SameThreadTaskExecutor deferred = SameThreadTaskExecutor.deferred();
        host.freeStorageFailure = new IllegalStateException("iostat died");
        MoveWizardViewModel w = new MoveWizardViewModel(host, web01(), deferred, dialogs, (h, r) -> { });
        assertThat(w.targets().freeStorageLoadingProperty().get()).isTrue();

        deferred.runPending();

        assertThat(w.targets().freeStorageLoadingProperty().get()).isFalse();
        assertThat(w.targets().freeStorageStatusProperty().get()).isEqualTo(
                "Could not read the host's free storage: iostat died");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void precheckErrorsBlockNext() {
        host.report = new PrecheckReport("h", "web01", List.of(
                finding(Severity.ERROR, FindingCode.TARGET_TOO_SMALL, "8G is smaller than the pool's 16G")), 3);

        MoveWizardViewModel w = atPrechecks(LUN);

        assertThat(host.prechecked).singleElement().extracting(MoveRequest::zone).isEqualTo("web01");
        assertThat(w.prechecks().items()).singleElement().extracting(PrecheckStepViewModel.Item::text)
                .isEqualTo("Error (" + LUN + "): 8G is smaller than the pool's 16G — a hint");
        assertThat(w.prechecks().statusProperty().get()).startsWith("1 error: the move cannot start");
        assertThat(w.canGoNextBinding().get()).isFalse();
        w.prechecks().acceptWarningsProperty().set(true);
        assertThat(w.canGoNextBinding().get()).as("accepting warnings does not lift errors").isFalse();
    }

    @Test
    void warningsMustBeAcceptedBeforeNext() {
        host.report = new PrecheckReport("h", "web01", List.of(
                finding(Severity.WARNING, FindingCode.TARGET_IN_OTHER_POOL_FORCED, "carries the label of pool oldpool"),
                finding(Severity.INFO, FindingCode.TARGET_SIZE_UNKNOWN, "not shown")), 3);

        MoveWizardViewModel w = atPrechecks(LUN);

        assertThat(w.prechecks().items()).extracting(PrecheckStepViewModel.Item::severity).containsExactly(Severity.WARNING);
        assertThat(w.prechecks().hasWarningsProperty().get()).isTrue();
        assertThat(w.canGoNextBinding().get()).isFalse();
        w.prechecks().acceptWarningsProperty().set(true);
        assertThat(w.canGoNextBinding().get()).isTrue();
    }

    @Test
    void whileChecksRunNextIsDisabledAndRunAgainAsksTheHostAgain() {
        SameThreadTaskExecutor deferred = SameThreadTaskExecutor.deferred();
        MoveWizardViewModel w = new MoveWizardViewModel(host, web01(), deferred, dialogs, (h, r) -> { });
        deferred.runPending();
        w.next();
        w.targets().use(LUN);
        w.next();
        w.next();

        assertThat(w.prechecks().runningProperty().get()).isTrue();
        assertThat(w.prechecks().statusProperty().get()).isEqualTo("Running the pre-checks on Test host…");
        assertThat(w.canGoNextBinding().get()).isFalse();
        deferred.runPending();
        assertThat(w.canGoNextBinding().get()).isTrue();

        w.prechecks().runAgain();
        assertThat(w.canGoNextBinding().get()).isFalse();
        deferred.runPending();
        assertThat(host.prechecked).hasSize(2);
        assertThat(w.prechecks().statusProperty().get()).isEqualTo("All pre-checks passed.");
    }

    @Test
    void aHostThatCannotBeReachedIsShownNotThrown() {
        host.precheckFailure = new RemoteException(RemoteException.Reason.UNREACHABLE, "h",
                "Cannot reach kzadmin@test:22: connection refused.");

        MoveWizardViewModel w = atPrechecks(LUN);

        assertThat(w.prechecks().runningProperty().get()).isFalse();
        assertThat(w.prechecks().statusProperty().get()).isEqualTo("The pre-checks could not run: Cannot reach "
                + "kzadmin@test:22: connection refused. Check the connection to Test host and run them again.");
        assertThat(w.canGoNextBinding().get()).isFalse();

        host.precheckFailure = null;
        w.prechecks().runAgain();
        assertThat(w.canGoNextBinding().get()).isTrue();
    }

    @Test
    void theSummaryShowsTheExactZoneadmCommandWithThePrivilegePrefix() {
        MoveWizardViewModel w = wizard();
        w.next();
        w.targets().use(LUN);
        w.targets().use(LUN2);
        w.targets().rows().get(1).diskIdProperty().set("7");
        w.next();
        w.options().forceZpoolAttachProperty().set(true);
        w.next();
        w.next();

        assertThat(w.stepProperty().get()).isEqualTo(Step.SUMMARY);
        assertThat(w.summary().commandProperty().get()).isEqualTo("pfexec zoneadm -z web01 move -v -p " + LUN
                + " -p " + LUN2 + " -x id=7 -x force-zpool-attach");
        assertThat(w.summary().steps()).hasSize(5);
        assertThat(w.summary().steps().get(0)).contains(LUN2 + " as c1d7");
        assertThat(w.summary().steps().get(1)).isEqualTo("Attach them to rpool inside the guest, which is a 3-way "
                + "mirror for the time of the copy, overwriting any old pool label (force-zpool-attach).");
        assertThat(w.summary().steps().get(2)).contains("4G of allocated data");
        assertThat(w.summary().steps().get(3)).contains("(c1d0)").contains("rpool ends as a 2-way mirror of the new disks");
        assertThat(w.summary().steps().get(4)).contains("rolls back");
        assertThat(w.canGoNextBinding().get()).isFalse();
        assertThat(w.canStartBinding().get()).isTrue();
    }

    @Test
    void theDurationUsesTheTranscriptRateWithoutHistory() {
        MoveWizardViewModel w = atPrechecks(LUN);
        w.next();

        // 4 GiB at 35 MiB/s = 117.03 s, rounded up; at ±25%: 94 s to 157 s.
        assertThat(w.summary().durationProperty().get()).isEqualTo("Resilvering 4G should take about 1m58s "
                + "(1m34s to 2m37s), at 35M/s — the ~35M/s of Oracle's published move transcripts (no finished "
                + "move on this host yet). The real rate depends on the storage and the zone's load.");
    }

    @Test
    void theDurationUsesTheMedianRateOfThisHostsFinishedMoves() {
        host.history = List.of(record(100L << 20, "SUCCEEDED"), record(80L << 20, "ROLLED_BACK"),
                record(60L << 20, "SUCCEEDED"), record(5L << 20, null));
        MoveWizardViewModel w = atPrechecks(LUN);
        w.next();

        assertThat(w.summary().rateProperty().get().bytesPerSecond()).isEqualTo(80L << 20);
        assertThat(w.summary().durationProperty().get()).contains("at 80M/s — the median rate of this host's 3 "
                + "finished moves");
    }

    @Test
    void startHandsTheRequestToTheStarterAndCloses() {
        MoveWizardViewModel w = atPrechecks(LUN);
        w.next();

        w.start();

        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.zone()).isEqualTo("web01");
            assertThat(r.targets()).extracting(t -> t.uri().text()).containsExactly(LUN);
            assertThat(r.forceZpoolAttach()).isFalse();
        });
        assertThat(startedOn).containsExactly(host);
        assertThat(w.closedProperty().get()).isTrue();
        assertThat(w.canStartBinding().get()).isFalse();
    }

    @Test
    void cancelClosesWithoutStartingAndDropsALateAnswer() {
        SameThreadTaskExecutor deferred = SameThreadTaskExecutor.deferred();
        MoveWizardViewModel w = new MoveWizardViewModel(host, web01(), deferred, dialogs, (h, r) -> started.add(r));
        deferred.runPending();
        w.next();
        w.targets().use(LUN);
        w.next();
        w.next();

        w.cancel();
        deferred.runPending();

        assertThat(w.closedProperty().get()).isTrue();
        assertThat(w.prechecks().reportProperty().get()).isNull();
        assertThat(started).isEmpty();
    }

    @Test
    void backReturnsToTheTargetsKeepingThem() {
        MoveWizardViewModel w = atPrechecks(LUN);

        w.back();
        w.back();

        assertThat(w.stepProperty().get()).isEqualTo(Step.TARGETS);
        assertThat(w.targets().rows().get(0).uriProperty().get()).isEqualTo(LUN);
    }

    private static JobRecord record(long rate, String outcome) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<JobRecord.ProgressSample> samples = List.of(
                new JobRecord.ProgressSample(t, 1, rate - 1, 10, null, null),
                new JobRecord.ProgressSample(t, 2, rate, 20, null, null),
                new JobRecord.ProgressSample(t, 3, rate + 1, 30, null, null));
        return new JobRecord("j", "h", "u", "web01", List.of(LUN), false, "pfexec", "zoneadm", "/f", 1L, t, t,
                List.of(), 0, 4L << 30, false, 0, "", List.of(), samples, null, outcome, null, null);
    }
}
