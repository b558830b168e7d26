package org.kzmove.remote.audit;

import java.time.Instant;

/**
 * One remote command, as the audit log keeps it.
 *
 * @param exitStatus the command's exit status; null for a command that streams (its end is not waited for) or
 *                   that was cut off by a dropped connection
 */
public record AuditEntry(Instant time, String host, String user, String command, Integer exitStatus) {
}
