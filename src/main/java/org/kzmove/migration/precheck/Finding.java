package org.kzmove.migration.precheck;

import java.util.Objects;

/**
 * One thing a pre-check found.
 *
 * @param subject what it is about: the storage URI as the user typed it, or the zone name
 * @param message what is wrong, for people
 * @param hint    what to do about it
 */
public record Finding(Severity severity, FindingCode code, String subject, String message, String hint) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    static Finding error(FindingCode code, String subject, String message, String hint) {
        return new Finding(Severity.ERROR, code, subject, message, hint);
    }

    static Finding warning(FindingCode code, String subject, String message, String hint) {
        return new Finding(Severity.WARNING, code, subject, message, hint);
    }

    static Finding info(FindingCode code, String subject, String message, String hint) {
        return new Finding(Severity.INFO, code, subject, message, hint);
    }
}
