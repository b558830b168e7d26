package org.kzmove.sim.audit;

import java.time.Instant;

/**
 * One command line the simulated host received, exactly as sent.
 *
 * @param time     simulated host time when the line arrived
 * @param realTime the machine's wall-clock time, to correlate with client logs
 * @param user     login name of the SSH session
 * @param session  simulator session id ({@code s1}, {@code s2}, ...), one per SSH connection
 * @param channel  {@code exec} for an exec request, {@code shell} for a line typed at the prompt
 * @param text     the exact text
 */
public record AuditRecord(Instant time, Instant realTime, String user, String session, String channel, String text) {
}
