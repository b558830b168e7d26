package org.kzmove.solaris.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kzmove.solaris.move.MovePhase.ATTACHING;
import static org.kzmove.solaris.move.MovePhase.CONFIGURING;
import static org.kzmove.solaris.move.MovePhase.DETACHING;
import static org.kzmove.solaris.move.MovePhase.PRECHECKS;
import static org.kzmove.solaris.move.MovePhase.REMOVING;
import static org.kzmove.solaris.move.MovePhase.RESILVERING;
import static org.kzmove.solaris.move.MovePhase.ROLLED_BACK;
import static org.kzmove.solaris.move.MovePhase.ROLLING_BACK;
import static org.kzmove.solaris.move.MovePhase.SUCCEEDED;
import static org.kzmove.solaris.move.MovePhase.VERIFYING_ONLINE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.move.MoveEvent.CheckResult;
import org.kzmove.solaris.move.MoveEvent.CheckStatus;
import org.kzmove.solaris.move.MoveEvent.CleanupResult;
import org.kzmove.solaris.move.MoveEvent.CommandLine;
import org.kzmove.solaris.move.MoveEvent.CommandLinePart;
import org.kzmove.solaris.move.MoveEvent.ConfigAction;
import org.kzmove.solaris.move.MoveEvent.ConfigApplied;
import org.kzmove.solaris.move.MoveEvent.ConfigCheck;
import org.kzmove.solaris.move.MoveEvent.DiskListed;
import org.kzmove.solaris.move.MoveEvent.DiskStepResult;
import org.kzmove.solaris.move.MoveEvent.HighestBootPriority;
import org.kzmove.solaris.move.MoveEvent.LogFileAnnounced;
import org.kzmove.solaris.move.MoveEvent.NewDevicePlanned;
import org.kzmove.solaris.move.MoveEvent.OnlineWait;
import org.kzmove.solaris.move.MoveEvent.PhaseEntered;
import org.kzmove.solaris.move.MoveEvent.PoolDisk;
import org.kzmove.solaris.move.MoveEvent.PoolHealth;
import org.kzmove.solaris.move.MoveEvent.ResilverProgress;
import org.kzmove.solaris.move.MoveEvent.RootPoolNamed;
import org.kzmove.solaris.move.MoveEvent.SignalCaught;
import org.kzmove.solaris.move.MoveEvent.UnrecognizedLine;
import org.kzmove.solaris.move.MoveEvent.ZoneadmError;

class MoveOutputParserTest {

    private static List<MoveEvent> parseAll(List<String> lines) {
        MoveOutputParser parser = new MoveOutputParser();
        List<MoveEvent> events = new ArrayList<>();
        for (String line : lines) {
            events.addAll(parser.accept(line));
        }
        events.addAll(parser.finish());
        return events;
    }

    private static <T extends MoveEvent> List<T> only(List<MoveEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '  455M resilvered at 39M/s, 5.58% done, 1m35s to go'       | 477102080   | 40894464   | 5.58  | 95
            '  1022M resilvered at 40.4M/s, 10.98% done, 1m27s to go'   | 1071644672  | 42362470   | 10.98 | 87
            '  1.08G resilvered at 40.6M/s, 10.98% done, 1m26s to go'   | 1159641170  | 42572186   | 10.98 | 86
            '  2G resilvered at 33M/s, 23.14% done, 1m32s to go'        | 2147483648  | 34603008   | 23.14 | 92
            '  508M resilvered at 38.4M/s, 5.58% done, 1m37s to go'     | 532676608   | 40265318   | 5.58  | 97
            '  3.06G resilvered at 35.9M/s, 37.40% done, 1m09s to go'   | 3285649981  | 37643878   | 37.40 | 69
            '  3.31G resilvered at 37.3M/s, 46.55% done, 56s to go'     | 3554085437  | 39111885   | 46.55 | 56
            '  5.38G resilvered at 35.3M/s, 94.01% done, 6s to go'      | 5776731013  | 37014733   | 94.01 | 6
            '  8.07M resilvered at 23.2M/s, 0.00% done, 2m37s to go'    | 8462008     | 24326963   | 0.00  | 157
            '  34.9T resilvered at 1.12G/s, 12.00% done, 1d14h to go'   | 38372955809382 | 1202590843 | 12.00 | 136800
            '  1.5T resilvered at 200M/s, 50.00% done, 2h05m to go'     | 1649267441664 | 209715200 | 50.00 | 7500
            """)
    void readsResilverProgressInBinaryUnits(String line, long bytes, long rate, double percent, long eta) {
        List<MoveEvent> events = new MoveOutputParser().accept(line);
        ResilverProgress p = only(events, ResilverProgress.class).get(0);
        assertThat(p.resilveredBytes()).isEqualTo(bytes);
        assertThat(p.rateBytesPerSecond()).isEqualTo(rate);
        assertThat(p.percent()).isEqualTo(percent);
        assertThat(p.etaSeconds()).isEqualTo(eta);
        assertThat(p.source().raw()).isEqualTo(line);
    }

    @Test
    void keepsAProgressLineWhoseRemainingTimeIsNotADuration() {
        ResilverProgress p = only(new MoveOutputParser()
                .accept("  4G resilvered at 1M/s, 1.00% done, (scan is slow, no estimated time)"), ResilverProgress.class)
                .get(0);
        assertThat(p.etaSeconds()).isNull();
        assertThat(p.percent()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  lots resilvered at 39M/s, 5.58% done, 1m35s to go",
        "  455M resilvered at fast/s, 5.58% done, 1m35s to go", "  455M resilvered at 39M/s, many% done, 6s to go",
        "  455M resilvered at 39M/s, 105.00% done, 6s to go", "  455M resilvered at 39M/s"})
    void treatsMalformedProgressAsUnrecognized(String line) {
        MoveOutputParser parser = new MoveOutputParser();
        parser.accept("Waiting for disks to resilver.");
        assertThat(parser.accept(line)).singleElement().isInstanceOf(UnrecognizedLine.class);
    }

    @Test
    void readsTheSameOkAsAttachedOrDetachedDependingOnTheHeading() {
        List<MoveEvent> events = parseAll(List.of(
                "Attaching new disks.", "  c1d2:", "    OK",
                "Detaching original disks from zone 'lsm' root zpool:", "  c1d1:", "    OK",
                "Removing original disks from zone 'lsm' configuration.", "  c1d1:", "    OK",
                "Detaching new disks that might have been already attached.", "  c1d2:", "    OK"));
        assertThat(only(events, DiskStepResult.class))
                .extracting(DiskStepResult::section, DiskStepResult::disk, DiskStepResult::ok)
                .containsExactly(
                        tuple(MoveSection.ATTACH, "c1d2", true),
                        tuple(MoveSection.DETACH_ORIGINAL, "c1d1", true),
                        tuple(MoveSection.REMOVE_ORIGINAL, "c1d1", true),
                        tuple(MoveSection.ROLLBACK_DETACH_NEW, "c1d2", true));
    }

    @Test
    void reportsAFailedDiskStepWithItsText() {
        List<MoveEvent> events = parseAll(List.of("Attaching new disks.", "  c1d2:",
                "    cannot attach c1d2 to c1d1: device is too small"));
        assertThat(only(events, DiskStepResult.class)).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.text()).isEqualTo("cannot attach c1d2 to c1d1: device is too small");
        });
    }

    @Test
    void countsDownTheOnlineWaitPerDisk() {
        List<MoveEvent> events = parseAll(List.of("Verifying all attached disks in root zpool are online:",
                "  c1d2:", "    still DEGRADED, 120 more seconds to wait.", "    still DEGRADED, 119 more seconds to wait.",
                "    OK", "  c1d3:", "    OK"));
        assertThat(only(events, OnlineWait.class)).extracting(OnlineWait::disk, OnlineWait::state, OnlineWait::secondsLeft)
                .containsExactly(tuple("c1d2", "DEGRADED", 120),
                        tuple("c1d2", "DEGRADED", 119));
        assertThat(only(events, DiskStepResult.class)).extracting(DiskStepResult::disk).containsExactly("c1d2", "c1d3");
    }

    @Test
    void readsEverythingTheVerboseMirrorTranscriptReports() {
        List<MoveEvent> events = parseAll(Transcripts.lines(Transcripts.VERBOSE_MIRROR));

        assertThat(only(events, LogFileAnnounced.class)).singleElement().satisfies(l -> {
            assertThat(l.path()).isEqualTo("/var/log/zones/zoneadm.20220718T003054Z.lsm.move");
            assertThat(l.zone()).isEqualTo("lsm");
        });
        assertThat(only(events, CommandLine.class)).singleElement().satisfies(c -> {
            assertThat(c.zone()).isEqualTo("lsm");
            assertThat(c.verbose()).isTrue();
            assertThat(c.forceZpoolAttach()).isTrue();
            assertThat(c.uris()).containsExactly("iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002",
                    "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004");
        });
        assertThat(only(events, CommandLinePart.class)).hasSize(2);
        assertThat(only(events, CheckResult.class)).extracting(CheckResult::check, CheckResult::status)
                .containsExactly(
                        tuple(MoveCheck.LIVE_PERSISTENT_CONFIG_MATCH, CheckStatus.OK),
                        tuple(MoveCheck.URIS_NOT_IN_USE, CheckStatus.OK),
                        tuple(MoveCheck.URIS_NOT_IN_USE, CheckStatus.OK),
                        tuple(MoveCheck.NO_DUPLICATE_URIS, CheckStatus.OK),
                        tuple(MoveCheck.DISKS_NOT_IN_ANOTHER_ZPOOL, CheckStatus.SKIPPED),
                        tuple(MoveCheck.ZPOOL_VDEV_CONFIG, CheckStatus.OK));
        assertThat(only(events, CheckResult.class).get(1).subject())
                .isEqualTo("iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002");
        assertThat(only(events, DiskListed.class)).singleElement().isEqualTo(new DiskListed(
                only(events, DiskListed.class).get(0).source(), true, "c1d1",
                "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003",
                "/dev/dsk/c0t600144F0DBF8AF1900005FD25E490003d0"));
        assertThat(only(events, DiskListed.class).get(0).source().text()).isEqualTo("  c1d1:");
        assertThat(only(events, RootPoolNamed.class)).extracting(RootPoolNamed::pool).containsExactly("rpool");
        assertThat(only(events, PoolHealth.class)).singleElement().satisfies(h -> assertThat(h.healthy()).isTrue());
        assertThat(only(events, PoolDisk.class)).extracting(PoolDisk::pool, PoolDisk::disk, PoolDisk::bootPriority)
                .containsExactly(tuple("rpool", "c1d1", 0));
        assertThat(only(events, HighestBootPriority.class)).extracting(HighestBootPriority::priority).containsExactly(0);
        assertThat(only(events, NewDevicePlanned.class))
                .extracting(NewDevicePlanned::name, NewDevicePlanned::mappedDevice, NewDevicePlanned::bootPriority,
                        NewDevicePlanned::deviceId)
                .containsExactly(
                        tuple("c1d2", "/dev/dsk/c0t600144F0DBF8AF1900005FD25DFC0002d0", 0, 2),
                        tuple("c1d3", "/dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0", 0, 3));
        assertThat(only(events, ConfigCheck.class)).extracting(ConfigCheck::section, ConfigCheck::action)
                .containsExactly(
                        tuple(MoveSection.APPLY_ADDED_DEVICES, ConfigAction.ADD),
                        tuple(MoveSection.APPLY_ADDED_DEVICES, ConfigAction.ADD),
                        tuple(MoveSection.APPLY_REMOVED_DEVICES, ConfigAction.REMOVE));
        assertThat(only(events, ConfigApplied.class)).hasSize(2);
        assertThat(only(events, ResilverProgress.class)).hasSize(72);
        assertThat(only(events, OnlineWait.class)).extracting(OnlineWait::secondsLeft).containsExactly(120, 119, 118);
        assertThat(only(events, DiskStepResult.class)).hasSize(6).allMatch(DiskStepResult::ok);
        assertThat(only(events, UnrecognizedLine.class)).isEmpty();
        assertThat(only(events, PhaseEntered.class)).extracting(PhaseEntered::phase).containsExactly(
                PRECHECKS, CONFIGURING, ATTACHING, RESILVERING, VERIFYING_ONLINE, DETACHING, REMOVING, SUCCEEDED);
    }

    @Test
    void followsTheRollbackOfTheInterruptedTranscript() {
        MoveOutputParser parser = new MoveOutputParser();
        List<MoveEvent> events = new ArrayList<>();
        for (String line : Transcripts.lines(Transcripts.SIGINT_ROLLBACK)) {
            events.addAll(parser.accept(line));
            if (line.startsWith("^CSignal")) {
                assertThat(parser.currentPhase()).isEqualTo(ROLLING_BACK);
                assertThat(parser.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
            }
        }
        assertThat(only(events, UnrecognizedLine.class)).extracting(u -> u.source().text()).containsExactly("...", "...");
        assertThat(only(events, SignalCaught.class)).singleElement().satisfies(s -> {
            assertThat(s.signal()).isEqualTo("SIGINT");
            assertThat(s.source().interruptEchoed()).isTrue();
        });
        assertThat(only(events, DiskStepResult.class)).extracting(DiskStepResult::section).containsExactly(
                MoveSection.ATTACH, MoveSection.ROLLBACK_DETACH_NEW, MoveSection.ROLLBACK_REMOVE_ADDED);
        assertThat(only(events, CleanupResult.class)).singleElement().satisfies(c -> assertThat(c.success()).isTrue());
        assertThat(only(events, ZoneadmError.class)).extracting(ZoneadmError::zone, ZoneadmError::message,
                ZoneadmError::signal).containsExactly(
                        tuple("mykz", "'move' terminated by signal SIGINT.", "SIGINT"),
                        tuple("mykz", "move failed.", null));
        assertThat(parser.phasesReached()).containsExactly(ATTACHING, RESILVERING, ROLLING_BACK, ROLLED_BACK);
        assertThat(parser.outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
    }

    @Test
    void followsThePhasesOfTheDefaultOutput() {
        MoveOutputParser parser = new MoveOutputParser();
        List<MovePhase> seen = new ArrayList<>();
        for (String line : Transcripts.lines(Transcripts.DEFAULT)) {
            parser.accept(line);
            seen.add(parser.currentPhase());
        }
        assertThat(seen).containsExactly(MovePhase.NOT_STARTED, MovePhase.NOT_STARTED, PRECHECKS, ATTACHING,
                RESILVERING, REMOVING, SUCCEEDED);
        assertThat(parser.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
    }

    static Stream<String> fixtures() {
        return Stream.of(Transcripts.DEFAULT, Transcripts.VERBOSE_MIRROR, Transcripts.SIGINT_ROLLBACK,
                Transcripts.INVENTED_PRECHECK_FAILURE);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void givesEveryLineAtLeastOneEventCarryingThatLine(String fixture) {
        MoveOutputParser parser = new MoveOutputParser();
        List<String> lines = Transcripts.lines(fixture);
        for (int i = 0; i < lines.size(); i++) {
            List<MoveEvent> events = parser.accept(lines.get(i));
            long number = i + 1;
            assertThat(events).isNotEmpty().anyMatch(e -> e.source().number() == number);
        }
    }

    @Test
    void readsZoneadmErrorsWithAndWithoutAZone() {
        List<MoveEvent> events = parseAll(List.of("zoneadm: zone 'kz-1.a': move failed.",
                "zoneadm: permission denied", "zone 'kz2': error: brand hook failed"));
        assertThat(only(events, ZoneadmError.class)).extracting(ZoneadmError::zone, ZoneadmError::message)
                .containsExactly(tuple("kz-1.a", "move failed."),
                        tuple(null, "permission denied"),
                        tuple("kz2", "error: brand hook failed"));
    }

    @Test
    void readsACommandLineWithOptionsOnOneLine() {
        CommandLine c = only(parseAll(List.of(
                "host$ pfexec zoneadm -z mykz move -p dev:/dev/zvol/dsk/rpool/d1 -x id=98 -p nfs://srv/export/d2")),
                CommandLine.class).get(0);
        assertThat(c.zone()).isEqualTo("mykz");
        assertThat(c.uris()).containsExactly("dev:/dev/zvol/dsk/rpool/d1", "nfs://srv/export/d2");
        assertThat(c.forceZpoolAttach()).isFalse();
        assertThat(c.verbose()).isFalse();
    }

    @Test
    void survivesRandomInputAndNeverDropsALine() {
        Random random = new Random(20220718L);
        List<String> vocabulary = new ArrayList<>();
        for (String fixture : fixtures().toList()) {
            vocabulary.addAll(Transcripts.lines(fixture));
        }
        MoveOutputParser parser = new MoveOutputParser();
        for (int i = 0; i < 50_000; i++) {
            String line = switch (random.nextInt(5)) {
                case 0 -> randomChars(random);
                case 1 -> mangle(vocabulary.get(random.nextInt(vocabulary.size())), random);
                case 2 -> "2022-07-18T00:30:54Z " + vocabulary.get(random.nextInt(vocabulary.size())) + "\r";
                default -> vocabulary.get(random.nextInt(vocabulary.size()));
            };
            List<MoveEvent> events = parser.accept(line);
            assertThat(events).isNotEmpty();
        }
        assertThat(parser.finish()).isNotNull();
        assertThat(parser.outcome()).isNotNull();
    }

    private static String randomChars(Random random) {
        int length = random.nextInt(120);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
        }
        return sb.toString();
    }

    private static String mangle(String line, Random random) {
        if (line.isEmpty()) {
            return line;
        }
        int at = random.nextInt(line.length());
        return switch (random.nextInt(4)) {
            case 0 -> line.substring(0, at);
            case 1 -> line.substring(at);
            case 2 -> line.substring(0, at) + (char) random.nextInt(128) + line.substring(at);
            default -> line.replace(' ', '\t');
        };
    }
}
