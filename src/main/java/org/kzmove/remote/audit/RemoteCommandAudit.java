package org.kzmove.remote.audit;

/**
 * Where every remote command kzmove runs is recorded: who ran what, where, when, and how it ended.
 * The record never holds secrets: commands are built by RemoteCommand and carry none.
 */
@FunctionalInterface
public interface RemoteCommandAudit {
    /** Records nothing (tests that do not look at the audit). */
    RemoteCommandAudit NONE = entry -> {
    };

    void record(AuditEntry entry);
}
