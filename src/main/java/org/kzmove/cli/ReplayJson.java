package org.kzmove.cli;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveReport;

/**
 * The {@code kzmove replay --json} document: a stable contract, documented field by field in
 * {@code docs/replay-json.md}. Changing a name or a type here breaks scripts; add fields instead.
 */
@JsonPropertyOrder({"zone", "outcome", "logFile", "forceZpoolAttach", "originalDisks", "newDisks", "phases",
        "resilver", "signal", "errors", "unrecognizedLines"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReplayJson(String zone, String outcome, String logFile, boolean forceZpoolAttach,
        List<OriginalDisk> originalDisks, List<NewDisk> newDisks, List<String> phases, Resilver resilver,
        String signal, List<String> errors, long unrecognizedLines) {

    @JsonPropertyOrder({"name", "uri", "device", "bootPriority"})
    record OriginalDisk(String name, String uri, String device, Integer bootPriority) {
    }

    @JsonPropertyOrder({"name", "uri", "device", "bootPriority", "deviceId"})
    record NewDisk(String name, String uri, String device, Integer bootPriority, Integer deviceId) {
    }

    @JsonPropertyOrder({"samples", "lastPercent", "resilveredBytes", "lastRateBytesPerSecond", "lastEtaSeconds"})
    record Resilver(long samples, double lastPercent, long resilveredBytes, long lastRateBytesPerSecond,
            Long lastEtaSeconds) {
    }

    static ReplayJson of(MoveReport r) {
        return new ReplayJson(r.zone(), r.outcome().name(), r.logFile(), r.forceZpoolAttach(),
                r.originalDisks().stream()
                        .map(d -> new OriginalDisk(d.name(), d.uri(), d.device(), d.bootPriority())).toList(),
                r.newDisks().stream()
                        .map(d -> new NewDisk(d.name(), d.uri(), d.device(), d.bootPriority(), d.deviceId())).toList(),
                r.phases().stream().map(MovePhase::name).toList(),
                r.resilver() == null ? null : new Resilver(r.resilver().samples(), r.resilver().lastPercent(),
                        r.resilver().resilveredBytes(), r.resilver().lastRateBytesPerSecond(),
                        r.resilver().lastEtaSeconds()),
                r.signal(), r.errors(), r.unrecognizedLines());
    }
}
