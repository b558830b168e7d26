package org.kzmove.ui.jobs;

import java.time.Instant;
import java.util.List;

/**
 * What is known of a move before its output says anything: where, what, and how it was started.
 *
 * @param jobId      kzmove's job id; null until the host has accepted the move
 * @param command    the exact zoneadm command line as run on the host
 * @param remoteFile the file on the host zoneadm writes its output to; null until known
 */
public record JobInfo(String jobId, String hostName, String zone, List<String> targets, String command,
        String remoteFile, Instant startedAt) {
    public JobInfo {
        targets = List.copyOf(targets);
    }
}
