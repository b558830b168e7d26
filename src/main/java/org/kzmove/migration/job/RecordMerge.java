package org.kzmove.migration.job;

import java.util.List;
import java.util.Objects;

/**
 * How a record about to be saved is combined with the one already on disk, so that a record only ever
 * gains information: whoever writes last (a second console, an attach through another address of the
 * host, a follow that began from nothing) cannot blank out what an earlier writer established.
 *
 * <ul>
 * <li>The end of the move ({@code outcome}, {@code zoneadmOutcome}, {@code attention}, {@code verification},
 * {@code endedAt}) travels as one block. A recorded end is replaced only by a more certain one: an
 * unfinished record never replaces a finished one, and {@code NEEDS_ATTENTION} never replaces one of
 * the three definite outcomes. Of two ends equally certain, the one recorded first stays.</li>
 * <li>What was fixed when the move started ({@code host}, {@code user}, {@code zone}, {@code privilege},
 * {@code command}, {@code remoteFile}, {@code pid}, {@code startedAt}, {@code originalBootPriority})
 * keeps its first known value; a null or blank value never replaces it.</li>
 * <li>{@code targets} and {@code originalDisks} are never replaced by an empty list.</li>
 * <li>{@code offset} and {@code rawOutput} never shrink: they travel together, from whichever record has
 * read further ({@code offset}, then the longer output); {@code phases} and {@code progress} keep the
 * longer list.</li>
 * <li>{@code forceZpoolAttach} and {@code cancelRequested} once true stay true; {@code allocatedBytes}
 * keeps the larger value.</li>
 * </ul>
 */
public final class RecordMerge {
    /** The names of {@code FinalOutcome} whose zone state was checked and is what the outcome says. */
    static final List<String> DEFINITE = List.of("SUCCEEDED", "CANCELLED_AND_ROLLED_BACK", "FAILED_AND_ROLLED_BACK");
    static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";

    private RecordMerge() {
    }

    /** {@code incoming} as it may be written over {@code onDisk}: never with less than {@code onDisk} knew. */
    public static JobRecord merge(JobRecord onDisk, JobRecord incoming) {
        if (onDisk == null) {
            return incoming;
        }
        JobRecord end = !onDisk.finished() || certainty(incoming.outcome()) > certainty(onDisk.outcome()) ? incoming : onDisk;
        JobRecord read = incoming.offset() > onDisk.offset()
                || (incoming.offset() == onDisk.offset() && incoming.rawOutput().length() >= onDisk.rawOutput().length())
                        ? incoming : onDisk;
        return new JobRecord(onDisk.id(), first(onDisk.host(), incoming.host()), first(onDisk.user(), incoming.user()),
                first(onDisk.zone(), incoming.zone()), nonEmpty(onDisk.targets(), incoming.targets()),
                onDisk.forceZpoolAttach() || incoming.forceZpoolAttach(), first(onDisk.privilege(), incoming.privilege()),
                first(onDisk.command(), incoming.command()), first(onDisk.remoteFile(), incoming.remoteFile()),
                first(onDisk.pid(), incoming.pid()), first(onDisk.startedAt(), incoming.startedAt()), end.endedAt(),
                nonEmpty(onDisk.originalDisks(), incoming.originalDisks()),
                first(onDisk.originalBootPriority(), incoming.originalBootPriority()),
                Math.max(onDisk.allocatedBytes(), incoming.allocatedBytes()),
                onDisk.cancelRequested() || incoming.cancelRequested(), read.offset(), read.rawOutput(),
                longer(onDisk.phases(), incoming.phases()), longer(onDisk.progress(), incoming.progress()),
                end.zoneadmOutcome(), end.outcome(), end.attention(), end.verification());
    }

    /** 0 unfinished, 1 {@code NEEDS_ATTENTION}, 2 a definite outcome. */
    static int certainty(String outcome) {
        if (outcome == null) {
            return 0;
        }
        return DEFINITE.contains(outcome) ? 2 : 1;
    }

    private static <T> T first(T known, T offered) {
        if (known == null || (known instanceof String s && s.isBlank())) {
            return offered;
        }
        return known;
    }

    private static <T> List<T> nonEmpty(List<T> known, List<T> offered) {
        return known.isEmpty() ? offered : known;
    }

    private static <T> List<T> longer(List<T> a, List<T> b) {
        return b.size() >= a.size() ? b : a;
    }

    static boolean isOutcomeName(String outcome) {
        return outcome == null || DEFINITE.contains(outcome) || Objects.equals(outcome, NEEDS_ATTENTION);
    }
}
