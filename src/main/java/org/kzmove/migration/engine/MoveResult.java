package org.kzmove.migration.engine;

import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord.Verification;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MoveReport;

/**
 * The end of a move: kzmove's verdict, what zoneadm said, and what the zone looked like afterwards.
 *
 * @param attention why a person should look at the zone; null when nothing needs it
 */
public record MoveResult(JobId jobId, FinalOutcome outcome, MoveOutcome zoneadmOutcome, Verification verification,
        String attention, MoveReport report) {
}
