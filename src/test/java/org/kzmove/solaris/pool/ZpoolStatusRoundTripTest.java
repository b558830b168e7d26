package org.kzmove.solaris.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many generated pools through format → parse → format: the text must be a fixed point, nothing may
 * be unrecognized, and the tree must come back unchanged. Seeds are fixed so a failure replays.
 */
class ZpoolStatusRoundTripTest {
    private static final String[] ANNOTATIONS = {null, null, null, "(resilvering)", "was /dev/dsk/c1d9s0", "cannot open"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void generatedStatusIsAFixedPointOfFormatAndParse(long seed) {
        Random random = new Random(seed);
        List<Pool> pools = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            pools.add(pool(random, "pool" + seed + "x" + i));
        }

        String text = ZpoolStatusFormat.status(pools);
        ZpoolStatus parsed = ZpoolStatusParser.parse(text);

        assertThat(parsed.unrecognizedLines()).as(text).isEmpty();
        assertThat(ZpoolStatusFormat.status(parsed.pools())).isEqualTo(text);
        assertThat(parsed.pools()).extracting(Pool::root).isEqualTo(pools.stream().map(Pool::root).toList());
        assertThat(parsed.pools()).extracting(Pool::auxiliary).isEqualTo(pools.stream().map(Pool::auxiliary).toList());
        assertThat(parsed.pools()).extracting(p -> p.scan().kind())
                .isEqualTo(pools.stream().map(p -> p.scan().kind()).toList());
    }

    private static Pool pool(Random r, String name) {
        List<Vdev> tops = new ArrayList<>();
        int disk = 0;
        int nTop = 1 + r.nextInt(3);
        for (int t = 0; t < nTop; t++) {
            if (r.nextBoolean()) {
                List<Vdev> legs = new ArrayList<>();
                int ways = 2 + r.nextInt(3);
                for (int w = 0; w < ways; w++) {
                    legs.add(leaf(r, "c1d" + disk++));
                }
                tops.add(vdev(r, (r.nextBoolean() ? "mirror-" : "raidz1-") + t, legs));
            } else {
                tops.add(leaf(r, "c0t600144F0DBF8AF19000052E820D6000" + disk++ + "d0"));
            }
        }
        List<Vdev> aux = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            aux.add(Vdev.section("logs", leaf(r, "c3d" + disk++)));
        }
        if (r.nextInt(4) == 0) {
            aux.add(Vdev.section("spares", new Vdev("c4d" + disk++, VdevState.AVAIL, null, null, null, null, List.of())));
        }
        boolean sick = r.nextBoolean();
        return new Pool(name, sick ? VdevState.DEGRADED : VdevState.ONLINE, sick ? Pool.RESILVERING_STATUS : null,
                sick ? Pool.RESILVERING_ACTION : null, sick && r.nextBoolean() ? "http://support.oracle.com/msg/ZFS-8000-9P" : null,
                scan(r), vdev(r, name, tops), aux, r.nextInt(5) == 0 ? "2 data errors, use '-v' for a list" : Pool.NO_KNOWN_DATA_ERRORS);
    }

    private static Vdev vdev(Random r, String name, List<Vdev> children) {
        return new Vdev(name, r.nextInt(5) == 0 ? VdevState.DEGRADED : VdevState.ONLINE, "0", "0", "0", null, children);
    }

    private static Vdev leaf(Random r, String name) {
        VdevState state = VdevState.values()[r.nextInt(6)];
        String errors = r.nextInt(6) == 0 ? "1.2K" : Integer.toString(r.nextInt(3));
        return new Vdev(name, state, errors, "0", Integer.toString(r.nextInt(100)), ANNOTATIONS[r.nextInt(ANNOTATIONS.length)],
                List.of());
    }

    private static ScanStatus scan(Random r) {
        long total = (1L + r.nextInt(4000)) << 20;
        long done = total * r.nextInt(100) / 100;
        return switch (r.nextInt(5)) {
            case 0 -> ScanStatus.none();
            case 1 -> ScanStatus.resilvered("Fri Jul 20 13:57:25 2014", done, 60L * r.nextInt(600), r.nextInt(3));
            case 2 -> ScanStatus.resilverCanceled("Mon Apr 15 13:31:16 2019");
            default -> {
                ScanStatus s = ScanStatus.resilverInProgress("Sun May  7 02:28:22 2017", done, total,
                        (1L + r.nextInt(200)) << 20, done, r.nextInt(10000) / 100.0,
                        r.nextInt(8) == 0 ? null : Long.valueOf(r.nextInt(200_000)));
                yield r.nextBoolean() ? s : s.withStyle(ScanStatus.Style.SOLARIS_11_0);
            }
        };
    }
}
