package org.kzmove.solaris.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kzmove.solaris.move.MovePhase.ATTACHING;
import static org.kzmove.solaris.move.MovePhase.CONFIGURING;
import static org.kzmove.solaris.move.MovePhase.DETACHING;
import static org.kzmove.solaris.move.MovePhase.FAILED;
import static org.kzmove.solaris.move.MovePhase.PRECHECKS;
import static org.kzmove.solaris.move.MovePhase.REMOVING;
import static org.kzmove.solaris.move.MovePhase.RESILVERING;
import static org.kzmove.solaris.move.MovePhase.ROLLED_BACK;
import static org.kzmove.solaris.move.MovePhase.ROLLING_BACK;
import static org.kzmove.solaris.move.MovePhase.SUCCEEDED;
import static org.kzmove.solaris.move.MovePhase.VERIFYING_ONLINE;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.move.MoveReport.NewDisk;
import org.kzmove.solaris.move.MoveReport.OriginalDisk;
import org.kzmove.solaris.units.SolarisSize;

class MoveTranscriptTest {

    private static final List<MovePhase> FULL_MOVE = List.of(PRECHECKS, CONFIGURING, ATTACHING, RESILVERING,
            VERIFYING_ONLINE, DETACHING, REMOVING, SUCCEEDED);

    @Test
    void sumsUpTheVerboseMirrorMove() {
        MoveReport r = Transcripts.report(Transcripts.lines(Transcripts.VERBOSE_MIRROR));

        assertThat(r.zone()).isEqualTo("lsm");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.logFile()).isEqualTo("/var/log/zones/zoneadm.20220718T003054Z.lsm.move");
        assertThat(r.verbose()).isTrue();
        assertThat(r.forceZpoolAttach()).isTrue();
        assertThat(r.originalDisks()).containsExactly(new OriginalDisk("c1d1",
                "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003",
                "/dev/dsk/c0t600144F0DBF8AF1900005FD25E490003d0", 0));
        assertThat(r.newDisks()).containsExactly(
                new NewDisk("c1d2", "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002",
                        "/dev/dsk/c0t600144F0DBF8AF1900005FD25DFC0002d0", 0, 2),
                new NewDisk("c1d3", "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004",
                        "/dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0", 0, 3));
        assertThat(r.phases()).isEqualTo(FULL_MOVE);
        assertThat(r.resilver().samples()).isEqualTo(72);
        assertThat(r.resilver().lastPercent()).isEqualTo(94.01);
        assertThat(r.resilver().resilveredBytes()).isEqualTo(SolarisSize.parse("5.38G").orElseThrow());
        assertThat(r.resilver().lastRateBytesPerSecond()).isEqualTo(SolarisSize.parse("35.3M").orElseThrow());
        assertThat(r.resilver().lastEtaSeconds()).isEqualTo(6L);
        assertThat(r.signal()).isNull();
        assertThat(r.errors()).isEmpty();
        assertThat(r.unrecognizedLines()).isZero();
        assertThat(r.lines()).isEqualTo(144);
    }

    @Test
    void sumsUpTheDefaultOutput() {
        MoveReport r = Transcripts.report(Transcripts.lines(Transcripts.DEFAULT));

        assertThat(r.zone()).isEqualTo("lsm");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.logFile()).isEqualTo("/var/log/zones/zoneadm.20220117T114644Z.lsm.move");
        assertThat(r.verbose()).isFalse();
        assertThat(r.phases()).containsExactly(PRECHECKS, ATTACHING, RESILVERING, REMOVING, SUCCEEDED);
        assertThat(r.originalDisks()).isEmpty();
        assertThat(r.newDisks()).as("the default output never names the new disk; the command line gives its URI")
                .containsExactly(new NewDisk(null, "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006",
                        null, null, null));
        assertThat(r.resilver()).isNull();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void takesTheZoneFromTheLogFileNameWhenNothingElseNamesIt() {
        MoveReport r = Transcripts.report(List.of(
                "Progress being logged to /var/log/zones/zoneadm.20220117T114644Z.db.zone-1.move",
                "Attaching new disks."));
        assertThat(r.zone()).isEqualTo("db.zone-1");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
    }

    @Test
    void sumsUpTheInterruptedFragment() {
        MoveReport r = Transcripts.report(Transcripts.lines(Transcripts.SIGINT_ROLLBACK));

        assertThat(r.zone()).isEqualTo("mykz");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertThat(r.signal()).isEqualTo("SIGINT");
        assertThat(r.phases()).containsExactly(ATTACHING, RESILVERING, ROLLING_BACK, ROLLED_BACK);
        assertThat(r.newDisks()).containsExactly(
                new NewDisk("c1d1", "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1", null, null, null));
        assertThat(r.originalDisks()).isEmpty();
        assertThat(r.resilver().samples()).isEqualTo(10);
        assertThat(r.resilver().lastPercent()).isEqualTo(2.22);
        assertThat(r.resilver().resilveredBytes()).isEqualTo(159L << 20);
        assertThat(r.resilver().lastEtaSeconds()).isEqualTo(209L);
        assertThat(r.errors()).containsExactly("zoneadm: zone 'mykz': 'move' terminated by signal SIGINT.",
                "zoneadm: zone 'mykz': move failed.");
        assertThat(r.unrecognizedLines()).isEqualTo(2);
    }

    @Test
    void reportsAFailedPrecheckAsFailedWithItsReasons() {
        MoveReport r = Transcripts.report(Transcripts.lines(Transcripts.INVENTED_PRECHECK_FAILURE));

        assertThat(r.zone()).isEqualTo("kz1");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.FAILED);
        assertThat(r.phases()).containsExactly(PRECHECKS, FAILED);
        assertThat(r.errors()).containsExactly(
                "Verifying the input disks are not part of another zpool: /dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0"
                        + " is part of exported or potentially active ZFS pool tank. Please see zpool(8).",
                "zoneadm: zone 'kz1': input disks are part of another zpool; use '-x force-zpool-attach' to override.",
                "zoneadm: zone 'kz1': move failed.");
        assertThat(r.originalDisks()).containsExactly(new OriginalDisk("c1d0",
                "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0", "/dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0", null));
        assertThat(r.newDisks()).extracting(NewDisk::name, NewDisk::uri).containsExactly(
                tuple(null, "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004"));
        assertThat(r.signal()).isNull();
        assertThat(r.resilver()).isNull();
    }

    @Test
    void reportsAFailedCleanUpAsRollbackFailed() {
        // "Clean-up failed." is invented: no public transcript shows a failing clean-up.
        MoveReport r = Transcripts.report(Transcripts.map(Transcripts.lines(Transcripts.SIGINT_ROLLBACK),
                l -> l.equals("Clean-up successful.") ? "Clean-up failed." : l));
        assertThat(r.outcome()).isEqualTo(MoveOutcome.ROLLBACK_FAILED);
        assertThat(r.phases()).endsWith(ROLLING_BACK, MovePhase.ROLLBACK_FAILED);
        assertThat(r.errors()).first().isEqualTo("Clean-up failed.");
    }

    @Test
    void rollsBackAfterAFailedAttachAndKeepsTheReason() {
        // Invented failure text: no public transcript shows a failing attach; headings are real.
        List<String> lines = new ArrayList<>(MoveTranscriptGenerator.verboseInterrupted("kz9",
                List.of(MoveTranscriptGenerator.iscsiUri("old", 1)),
                List.of(MoveTranscriptGenerator.iscsiUri("new", 2)), 10, 0));
        int attached = lines.indexOf("Attaching new disks.");
        lines.set(attached + 2, "    cannot attach c1d2 to c1d1: device is too small");
        lines.remove(attached + 3); // "Waiting for disks to resilver."
        lines.remove("^CSignal SIGINT caught.");
        lines.remove("zoneadm: zone 'kz9': 'move' terminated by signal SIGINT.");

        MoveReport r = Transcripts.report(lines);

        assertThat(r.outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertThat(r.signal()).isNull();
        assertThat(r.phases()).containsExactly(PRECHECKS, CONFIGURING, ATTACHING, ROLLING_BACK, ROLLED_BACK);
        assertThat(r.errors()).containsExactly("Attaching new disks: c1d2: cannot attach c1d2 to c1d1: device is too small",
                "zoneadm: zone 'kz9': move failed.");
    }

    @Test
    void canBeAskedForASummaryWhileTheMoveRuns() {
        MoveTranscript t = new MoveTranscript();
        List<String> lines = Transcripts.lines(Transcripts.VERBOSE_MIRROR);
        MoveReport midway = null;
        for (String line : lines) {
            t.accept(line);
            if (line.startsWith("  1.08G resilvered")) {
                midway = t.report();
                assertThat(t.currentPhase()).isEqualTo(RESILVERING);
            }
        }
        assertThat(midway.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
        assertThat(midway.resilver().samples()).isEqualTo(9);
        assertThat(midway.newDisks()).hasSize(2);
        assertThat(t.finish()).isEqualTo(Transcripts.report(lines));
    }

    // ---- variants -------------------------------------------------------------------------------

    static Stream<String> fixtures() {
        return Stream.of(Transcripts.DEFAULT, Transcripts.VERBOSE_MIRROR, Transcripts.SIGINT_ROLLBACK,
                Transcripts.INVENTED_PRECHECK_FAILURE);
    }

    static Stream<Arguments> fixturesAndTimestampStyles() {
        List<String> styles = List.of("2022-07-18T00:30:54Z ", "2022-07-18 00:30:54 ", "[2022-07-18T00:30:54.123Z] ",
                "Jul 18 00:30:54 ", "Jul  8 00:30:54 ", "2022-07-18T00:30:54.123456+02:00 ");
        return fixtures().flatMap(f -> styles.stream().map(s -> Arguments.of(f, s)));
    }

    @ParameterizedTest(name = "{0} with ''{1}''")
    @MethodSource("fixturesAndTimestampStyles")
    void readsTheSameWithATimestampOnEveryLineAndCrlfEnds(String fixture, String timestamp) {
        List<String> plain = Transcripts.lines(fixture);
        MoveReport expected = Transcripts.report(plain);

        MoveReport stamped = Transcripts.report(Transcripts.map(plain, l -> timestamp + l + "\r"));

        assertThat(stamped).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsTheSameFromCrlfText(String fixture) {
        String text = Transcripts.text(fixture).replace("\n", "\r\n");
        MoveReport expected = Transcripts.report(Transcripts.lines(fixture));
        // split on LF only, as a reader that does not know CRLF would
        assertThat(Transcripts.report(List.of(text.split("\n")))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            db-zone.7, san01
            kz1,       store-b.example.com
            a,         10.0.0.5
            """)
    void readsTheMirrorTranscriptForAnotherZoneAndOtherUris(String zone, String host) {
        List<String> lines = Transcripts.map(Transcripts.lines(Transcripts.VERBOSE_MIRROR), l -> l
                .replace("'lsm'", "'" + zone + "'")
                .replace(".lsm.move", "." + zone + ".move")
                .replace("-z lsm", "-z " + zone)
                .replace("iscsi://mystorage/", "iscsi://" + host + "/"));

        MoveReport r = Transcripts.report(lines);

        assertThat(r.zone()).isEqualTo(zone);
        assertThat(r.logFile()).endsWith("." + zone + ".move");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.originalDisks()).extracting(OriginalDisk::uri)
                .containsExactly("iscsi://" + host + "/luname.naa.600144F0DBF8AF1900005FD25E490003");
        assertThat(r.newDisks()).extracting(NewDisk::uri).allMatch(u -> u.startsWith("iscsi://" + host + "/"));
    }

    @ParameterizedTest(name = "{0} original, {1} new disks")
    @CsvSource(textBlock = """
            1, 1
            1, 2
            2, 2
            1, 4
            4, 1
            3, 3
            4, 4
            """)
    void readsGeneratedMovesOfOneToFourDisks(int originals, int news) {
        String zone = "gen" + originals + news;
        List<String> originalUris = IntStream.range(0, originals)
                .mapToObj(i -> MoveTranscriptGenerator.iscsiUri("old-san", i)).toList();
        List<String> newUris = IntStream.range(0, news)
                .mapToObj(i -> MoveTranscriptGenerator.iscsiUri("new-san", 100 + i)).toList();
        List<String> lines = MoveTranscriptGenerator.verboseSuccess(zone, originalUris, newUris, 37, news % 2 == 0);

        MoveReport r = Transcripts.report(lines);

        assertThat(r.zone()).isEqualTo(zone);
        assertThat(r.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.phases()).isEqualTo(FULL_MOVE);
        assertThat(r.forceZpoolAttach()).isEqualTo(news % 2 == 0);
        List<OriginalDisk> expectedOriginals = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            expectedOriginals.add(new OriginalDisk("c1d" + (i + 1), originalUris.get(i),
                    MoveTranscriptGenerator.device(originalUris.get(i)), 0));
        }
        assertThat(r.originalDisks()).isEqualTo(expectedOriginals);
        List<NewDisk> expectedNew = new ArrayList<>();
        for (int i = 0; i < news; i++) {
            int id = originals + 1 + i;
            expectedNew.add(new NewDisk("c1d" + id, newUris.get(i), MoveTranscriptGenerator.device(newUris.get(i)), 0, id));
        }
        assertThat(r.newDisks()).isEqualTo(expectedNew);
        assertThat(r.resilver().samples()).isEqualTo(37);
        String last = MoveTranscriptGenerator.progressLine(36, 37).strip();
        assertThat(r.resilver().resilveredBytes()).isEqualTo(SolarisSize.parse(last.split(" ")[0]).orElseThrow());
        assertThat(r.resilver().lastPercent()).isEqualTo(Double.parseDouble(last.split(", ")[1].replace("% done", "")));
        assertThat(r.errors()).isEmpty();
        assertThat(r.unrecognizedLines()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void readsGeneratedInterruptedMovesAsRolledBack(int news) {
        List<String> newUris = IntStream.range(0, news)
                .mapToObj(i -> MoveTranscriptGenerator.iscsiUri("new-san", i)).toList();
        List<String> lines = MoveTranscriptGenerator.verboseInterrupted("web", List.of(
                MoveTranscriptGenerator.iscsiUri("old-san", 9)), newUris, 100, 12);

        MoveReport r = Transcripts.report(lines);

        assertThat(r.outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertThat(r.signal()).isEqualTo("SIGINT");
        assertThat(r.phases()).containsExactly(PRECHECKS, CONFIGURING, ATTACHING, RESILVERING, ROLLING_BACK, ROLLED_BACK);
        assertThat(r.newDisks()).hasSize(news).extracting(NewDisk::uri).isEqualTo(newUris);
        assertThat(r.resilver().samples()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void readsGeneratedDefaultOutput(int news) {
        List<String> newUris = IntStream.range(0, news)
                .mapToObj(i -> MoveTranscriptGenerator.iscsiUri("san", i)).toList();
        MoveReport r = Transcripts.report(MoveTranscriptGenerator.defaultSuccess("app01", newUris));
        assertThat(r.zone()).isEqualTo("app01");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.newDisks()).extracting(NewDisk::uri).isEqualTo(newUris);
        assertThat(r.unrecognizedLines()).isZero();
    }

    /** The line (0-based) from which on the text shows the final outcome. */
    private static int outcomeLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.equals("Live storage migration succeeded.") || l.startsWith("Clean-up ") || l.startsWith("zoneadm:")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no outcome line");
    }

    static Stream<Arguments> truncationCases() {
        List<String> generated = MoveTranscriptGenerator.verboseInterrupted("trunc", List.of(
                MoveTranscriptGenerator.iscsiUri("a", 1), MoveTranscriptGenerator.iscsiUri("a", 2)), List.of(
                MoveTranscriptGenerator.iscsiUri("b", 1), MoveTranscriptGenerator.iscsiUri("b", 2),
                MoveTranscriptGenerator.iscsiUri("b", 3)), 20, 15);
        return Stream.concat(fixtures().map(f -> Arguments.of(f, Transcripts.lines(f))),
                Stream.of(Arguments.of("generated 2->3 interrupted", generated)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncationCases")
    void isIncompleteWhenCutOffBeforeTheOutcomeWasPrinted(String name, List<String> lines) {
        MoveOutcome complete = Transcripts.report(lines).outcome();
        int decisive = outcomeLine(lines);
        for (int cut = 0; cut <= lines.size(); cut++) {
            MoveReport r = Transcripts.report(lines.subList(0, cut));
            MoveOutcome expected = cut > decisive ? complete : MoveOutcome.INCOMPLETE;
            assertThat(r.outcome()).as("cut after %d lines", cut).isEqualTo(expected);
            assertThat(r.lines()).isEqualTo(cut);
        }
    }

    @Test
    void readsAProgressLineWithTheInterruptEchoedInFront() {
        MoveReport r = Transcripts.report(List.of("Waiting for disks to resilver.",
                "^C  159M resilvered at 17.1M/s, 2.22% done, 3m29s to go", "Signal SIGINT caught."));
        assertThat(r.resilver().samples()).isEqualTo(1);
        assertThat(r.signal()).isEqualTo("SIGINT");
        assertThat(r.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
        assertThat(r.phases()).containsExactly(RESILVERING, ROLLING_BACK);
    }

    @Test
    void reportsNothingRecognizedForUnrelatedText() {
        MoveReport r = Transcripts.report(List.of("hello", "", "  OK", "Total: 3 files"));
        assertThat(r.recognizedLines()).isZero();
        assertThat(r.unrecognizedLines()).isEqualTo(3);
        assertThat(r.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
        assertThat(r.phases()).isEmpty();
    }
}
