package org.kzmove.migration.precheck;

/** How much a finding matters: an error blocks the move, a warning is shown and allowed. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
