package org.kzmove.solaris.zone;

import java.util.ArrayList;
import java.util.List;
import org.kzmove.solaris.text.Lines;

/**
 * Reads {@code zoneadm list -p/-cp/-ip} and {@code zoneadm list -v/-cv/-iv} output
 * (solaris-formats.md §2). Total: any input, including null, binary junk or a cut-off stream,
 * gives a {@link ZoneListing}; whatever is not understood lands in
 * {@link ZoneListing#unrecognizedLines()}.
 *
 * <p>The form is decided per line, not per output: a line with at least eight unescaped colons is a
 * parsable line, anything else is tried as a verbose row. Zone names cannot hold a colon and the
 * verbose form has six columns, so the two never overlap, and a caller need not say which option it
 * ran.
 */
public final class ZoneListParser {
    private static final int PARSABLE_MIN_FIELDS = 9;

    private ZoneListParser() {
    }

    public static ZoneListing parse(String text) {
        List<ZoneListEntry> entries = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        for (String raw : Lines.split(text)) {
            String line = Lines.stripTrailing(raw);
            if (line.isEmpty()) {
                continue;
            }
            ZoneListEntry entry = null;
            List<String> fields = splitParsable(line);
            if (fields.size() >= PARSABLE_MIN_FIELDS) {
                entry = parsableLine(fields);
            } else if (isVerboseHeader(line)) {
                continue;
            } else {
                entry = verboseRow(line);
            }
            if (entry == null) {
                unrecognized.add(raw);
            } else {
                entries.add(entry);
            }
        }
        return new ZoneListing(entries, unrecognized);
    }

    /**
     * Splits on ':' except where zoneadm escaped it as "\:" (only the zonepath is escaped; a
     * backslash itself is not escaped by zoneadm, so "\:" is always an escaped colon). Fields come
     * back with the escapes removed.
     */
    static List<String> splitParsable(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ':') {
                current.append(':');
                i++;
            } else if (c == ':') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    private static ZoneListEntry parsableLine(List<String> f) {
        var state = ZoneState.fromSolaris(f.get(2));
        if (!isZoneId(f.get(0)) || state.isEmpty() || f.get(1).isEmpty() || f.get(5).isEmpty()
                || !isPrintable(String.join("", f))) {
            return null;
        }
        Zone zone = new Zone(zoneId(f.get(0)), f.get(1), state.get(), f.get(3), f.get(4), new Brand(f.get(5)), f.get(6));
        return new ZoneListEntry(zone, true, f.get(7), f.get(8), f.subList(PARSABLE_MIN_FIELDS, f.size()));
    }

    private static boolean isVerboseHeader(String line) {
        return List.of(line.trim().split("[ \t]+")).equals(List.of("ID", "NAME", "STATUS", "PATH", "BRAND", "IP"));
    }

    private static ZoneListEntry verboseRow(String line) {
        String[] t = line.trim().split("[ \t]+");
        if (t.length != 6) {
            return null;
        }
        var state = ZoneState.fromSolaris(t[2]);
        if (!isZoneId(t[0]) || state.isEmpty() || !isPrintable(line)) {
            return null;
        }
        return ZoneListEntry.verbose(new Zone(zoneId(t[0]), t[1], state.get(), t[3], "", new Brand(t[4]), t[5]));
    }

    /** A zone id as zoneadm prints it: a non-negative number, or {@code -} when the zone has none. */
    private static boolean isZoneId(String text) {
        return "-".equals(text) || (!text.isEmpty() && text.length() <= 9
                && text.chars().allMatch(c -> c >= '0' && c <= '9'));
    }

    /** Null for {@code -}; only called on text {@link #isZoneId} accepted. */
    private static Integer zoneId(String text) {
        return "-".equals(text) ? null : Integer.valueOf(text);
    }

    /** Binary junk that happens to hold colons must not become a zone (U+FFFD: bytes that were not UTF-8). */
    private static boolean isPrintable(String s) {
        return s.chars().noneMatch(c -> (Character.isISOControl(c) && c != '\t') || c == 0xFFFD);
    }
}
