package org.kzmove.ui.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves one second on at every reading: chart points get distinct, increasing times. */
final class TickingClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T09:00:00Z");

    @Override
    public synchronized Instant instant() {
        Instant t = now;
        now = now.plusSeconds(1);
        return t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
