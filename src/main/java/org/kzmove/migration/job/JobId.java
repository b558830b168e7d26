package org.kzmove.migration.job;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A move's id, e.g. {@code 20261126T071500Z-kz1-a1b2}: sortable by start time, tells the zone, and
 * is one safe path word, so it can name the job file on the host and the record here.
 */
public record JobId(String value) {
    private static final Pattern SAFE = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[A-Za-z0-9][A-Za-z0-9_.-]*-[0-9a-f]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public JobId {
        if (value == null || !SAFE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not a job id: " + value);
        }
    }

    /** A new id; {@code zone} must already be a valid zone name (letters, digits, {@code - _ .}). */
    public static JobId create(Instant start, String zone) {
        byte[] nonce = new byte[2];
        RANDOM.nextBytes(nonce);
        return new JobId(STAMP.format(start) + "-" + zone + "-" + HexFormat.of().formatHex(nonce));
    }

    public static boolean isValid(String text) {
        return text != null && SAFE.matcher(text).matches() && !text.contains("..");
    }

    @Override
    public String toString() {
        return value;
    }
}
