package org.kzmove.migration.precheck;

import java.util.List;

/**
 * The outcome of a dry run: everything that would make {@code zoneadm move} fail, found before it
 * starts.
 *
 * @param roundTrips SSH commands the checks took (constant whatever the number of zones or targets)
 */
public record PrecheckReport(String host, String zone, List<Finding> findings, int roundTrips) {
    public PrecheckReport {
        findings = List.copyOf(findings);
    }

    /** True when at least one finding blocks the move. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public List<Finding> errors() {
        return of(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return of(Severity.WARNING);
    }

    public List<Finding> of(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
