package org.kzmove.solaris.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kzmove.solaris.text.Lines;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Reads {@code zpool status [pool ...]} and {@code zpool status -x} output (solaris-formats.md §4).
 * Total: any input gives a {@link ZpoolStatus}; lines not understood are kept verbatim.
 *
 * <p>Header keys ({@code pool:}, {@code state:}, ...) are right-aligned with spaces and never start
 * with a TAB; tree lines and status continuation lines always do. That difference, plus the section
 * last opened, is all the parser needs to tell lines apart. Both the Solaris 11.0 scan lines and the
 * layout the simulator prints for 11.4 (see {@link ZpoolStatusFormat}) are read.
 */
public final class ZpoolStatusParser {
    private static final Pattern HEADER = Pattern.compile(" {0,6}(pool|state|status|action|see|scan|config|errors):(?: (.*))?");
    private static final Pattern HEALTHY = Pattern.compile("pool '(.+)' is healthy");
    private static final Pattern IN_PROGRESS = Pattern.compile("(resilver|scrub) in progress since (.+)");
    private static final Pattern RESILVERED = Pattern.compile("resilvered (\\S+) in (\\S+) with (\\d{1,18}) errors on (.+)");
    private static final Pattern SCRUBBED = Pattern.compile("scrub repaired (\\S+) in (\\S+) with (\\d{1,18}) errors on (.+)");
    private static final Pattern CANCELED = Pattern.compile("(resilver|scrub) canceled on (.+)");
    private static final Pattern SCANNED = Pattern.compile(
            "(\\S+) scanned out of (\\S+) at (\\S+)/s, (?:(\\S+) to go|\\(scan is slow, no estimated time\\))");
    private static final Pattern DONE = Pattern.compile(
            "(\\S+) (resilvered|repaired)(?: at (\\S+)/s)?(?:, (\\d{1,3}(?:\\.\\d+)?)% done)?(?:, (\\S+) to go)?");
    private static final Pattern COUNT = Pattern.compile("\\d+(\\.\\d+)?[KMGTPE]?");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final List<String> SECTIONS = List.of("logs", "cache", "spares");
    private static final List<String> TABLE_HEADER = List.of("NAME", "STATE", "READ", "WRITE", "CKSUM");

    private enum Section { NONE, STATUS, ACTION, SCAN, CONFIG, ERRORS }

    private ZpoolStatusParser() {
    }

    public static ZpoolStatus parse(String text) {
        List<Pool> pools = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        boolean allHealthy = false;
        boolean noPools = false;
        PoolBuilder current = null;
        Section section = Section.NONE;
        for (String raw : Lines.split(text)) {
            String line = Lines.stripTrailing(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (!isPrintable(line)) {
                unrecognized.add(raw);
                continue;
            }
            String t = line.strip();
            Matcher m;
            if (t.equals(ZpoolStatusFormat.ALL_HEALTHY) && line.equals(t)) {
                allHealthy = true;
                section = Section.NONE;
            } else if (t.equals(ZpoolStatusFormat.NO_POOLS) && line.equals(t)) {
                noPools = true;
                section = Section.NONE;
            } else if ((m = HEALTHY.matcher(line)).matches()) {
                healthy.add(m.group(1));
                section = Section.NONE;
            } else if ((m = HEADER.matcher(line)).matches()) {
                String key = m.group(1);
                String value = m.group(2) == null ? "" : m.group(2);
                if (key.equals("pool")) {
                    if (current != null) {
                        pools.add(current.build(unrecognized));
                    }
                    current = new PoolBuilder(value);
                    section = Section.NONE;
                } else if (current == null) {
                    unrecognized.add(raw);
                } else {
                    section = header(current, key, value, raw, unrecognized);
                }
            } else if ((line.charAt(0) == '\t' || line.charAt(0) == ' ') && current != null
                    && continuation(current, section, line, unrecognized)) {
                continue;
            } else {
                unrecognized.add(raw);
            }
        }
        if (current != null) {
            pools.add(current.build(unrecognized));
        }
        return new ZpoolStatus(pools, healthy, allHealthy, noPools, unrecognized);
    }

    private static Section header(PoolBuilder p, String key, String value, String raw, List<String> unrecognized) {
        // the scan block ends at the next header: read it now so unrecognized lines keep their order
        p.closeScan(unrecognized);
        switch (key) {
            case "state" -> {
                p.state = VdevState.fromSolaris(value).orElse(null);
                if (p.state == null) {
                    unrecognized.add(raw);
                }
                return Section.NONE;
            }
            case "status" -> {
                p.status = new StringBuilder(value);
                return Section.STATUS;
            }
            case "action" -> {
                p.action = new StringBuilder(value);
                return Section.ACTION;
            }
            case "see" -> {
                p.see = value;
                return Section.NONE;
            }
            case "scan" -> {
                p.scanLines = new ArrayList<>(List.of(value));
                return Section.SCAN;
            }
            case "config" -> {
                if (!value.isEmpty() && !value.equals(ZpoolStatusFormat.CANNOT_DETERMINE)) {
                    unrecognized.add(raw);
                }
                return Section.CONFIG;
            }
            default -> {
                p.errors = new StringBuilder(value);
                return Section.ERRORS;
            }
        }
    }

    /** An indented line: continues the section last opened. False when it fits none. */
    private static boolean continuation(PoolBuilder p, Section section, String line, List<String> unrecognized) {
        switch (section) {
            case STATUS -> p.status.append('\n').append(line.strip());
            case ACTION -> p.action.append('\n').append(line.strip());
            case SCAN -> p.scanLines.add(line);
            case ERRORS -> p.errors.append('\n').append(line);
            case CONFIG -> {
                return p.tableLine(line);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Reads the {@code scan:} text and its continuation lines; lines it cannot place go to unrecognized. */
    static ScanStatus scan(List<String> lines, List<String> unrecognized) {
        String first = lines.get(0).strip();
        List<String> rest = lines.subList(1, lines.size());
        Matcher m;
        ScanStatus result = null;
        if (first.equals("none requested")) {
            result = ScanStatus.none();
        } else if ((m = RESILVERED.matcher(first)).matches() || (m = SCRUBBED.matcher(first)).matches()) {
            OptionalLong bytes = SolarisSize.parse(m.group(1));
            OptionalLong took = SolarisDuration.parseSeconds(m.group(2));
            if (bytes.isPresent() && took.isPresent()) {
                ScanStatus.Kind kind = m.pattern() == RESILVERED ? ScanStatus.Kind.RESILVERED : ScanStatus.Kind.SCRUBBED;
                result = new ScanStatus(kind, m.group(4), null, null, null, bytes.getAsLong(), null, null,
                        Long.parseLong(m.group(3)), took.getAsLong(), null, List.of());
            }
        } else if ((m = CANCELED.matcher(first)).matches()) {
            ScanStatus.Kind kind = m.group(1).equals("resilver") ? ScanStatus.Kind.RESILVER_CANCELED
                    : ScanStatus.Kind.SCRUB_CANCELED;
            result = new ScanStatus(kind, m.group(2), null, null, null, null, null, null, null, null, null, List.of());
        } else if ((m = IN_PROGRESS.matcher(first)).matches()) {
            return progress(m.group(1).equals("resilver") ? ScanStatus.Kind.RESILVER_IN_PROGRESS
                    : ScanStatus.Kind.SCRUB_IN_PROGRESS, m.group(2), rest, unrecognized);
        }
        if (result == null) {
            List<String> kept = new ArrayList<>();
            kept.add(first);
            kept.addAll(rest);
            return new ScanStatus(ScanStatus.Kind.UNKNOWN, null, null, null, null, null, null, null, null, null, null, kept);
        }
        unrecognized.addAll(rest);
        return result;
    }

    private static ScanStatus progress(ScanStatus.Kind kind, String since, List<String> rest, List<String> unrecognized) {
        Long scanned = null;
        Long total = null;
        Long rate = null;
        Long processed = null;
        Double percent = null;
        Long eta = null;
        boolean rateOnDoneLine = false;
        for (String line : rest) {
            String t = line.strip();
            Matcher m;
            if ((m = SCANNED.matcher(t)).matches() && sizes(m.group(1), m.group(2), m.group(3))
                    && (m.group(4) == null || SolarisDuration.parseSeconds(m.group(4)).isPresent())) {
                scanned = SolarisSize.parse(m.group(1)).getAsLong();
                total = SolarisSize.parse(m.group(2)).getAsLong();
                rate = SolarisSize.parse(m.group(3)).getAsLong();
                if (m.group(4) != null && eta == null) {
                    eta = SolarisDuration.parseSeconds(m.group(4)).getAsLong();
                }
            } else if ((m = DONE.matcher(t)).matches() && sizes(m.group(1), m.group(3))
                    && (m.group(5) == null || SolarisDuration.parseSeconds(m.group(5)).isPresent())) {
                processed = SolarisSize.parse(m.group(1)).getAsLong();
                if (m.group(3) != null) {
                    rateOnDoneLine = true;
                    if (rate == null) {
                        rate = SolarisSize.parse(m.group(3)).getAsLong();
                    }
                }
                if (m.group(4) != null) {
                    percent = Double.parseDouble(m.group(4));
                }
                if (m.group(5) != null) {
                    // the clause next to the percentage is the freshest estimate
                    eta = SolarisDuration.parseSeconds(m.group(5)).getAsLong();
                }
            } else {
                unrecognized.add(line);
            }
        }
        ScanStatus.Style style = rateOnDoneLine ? ScanStatus.Style.SOLARIS_11_4_INVENTED : ScanStatus.Style.SOLARIS_11_0;
        return new ScanStatus(kind, since, scanned, total, rate, processed, percent, eta, null, null, style, List.of());
    }

    private static boolean sizes(String... texts) {
        for (String s : texts) {
            if (s != null && SolarisSize.parse(s).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintable(String s) {
        return s.chars().noneMatch(c -> (Character.isISOControl(c) && c != '\t') || c == 0xFFFD);
    }

    /** A config-tree line being built; the tree is only known complete at the end of the pool. */
    private static final class Node {
        final int depth;
        final String name;
        final VdevState state;
        final String read;
        final String write;
        final String cksum;
        final String annotation;
        final List<Node> children = new ArrayList<>();

        Node(int depth, String name, VdevState state, String read, String write, String cksum, String annotation) {
            this.depth = depth;
            this.name = name;
            this.state = state;
            this.read = read;
            this.write = write;
            this.cksum = cksum;
            this.annotation = annotation;
        }

        Vdev toVdev() {
            return new Vdev(name, state, read, write, cksum, annotation, children.stream().map(Node::toVdev).toList());
        }
    }

    private static final class PoolBuilder {
        final String name;
        VdevState state;
        StringBuilder status;
        StringBuilder action;
        String see;
        List<String> scanLines;
        ScanStatus scan;
        StringBuilder errors;
        String tableIndent;
        final List<Node> topLevel = new ArrayList<>();
        final Deque<Node> open = new ArrayDeque<>();

        PoolBuilder(String name) {
            this.name = name;
        }

        /**
         * One line under {@code config:}. The indentation of the NAME header is the table's margin
         * (a TAB, or spaces in copied text); past it, two spaces per level of the tree.
         */
        boolean tableLine(String line) {
            if (tableIndent == null) {
                List<String> tokens = List.of(line.strip().split("\\s+"));
                if (!tokens.equals(TABLE_HEADER)) {
                    return false;
                }
                tableIndent = line.substring(0, line.indexOf('N'));
                return true;
            }
            if (!line.startsWith(tableIndent) || line.length() == tableIndent.length()) {
                return false;
            }
            String rest = line.substring(tableIndent.length());
            int spaces = 0;
            while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                spaces++;
            }
            if (spaces % 2 != 0 || spaces == rest.length() || rest.charAt(spaces) == '\t') {
                return false;
            }
            int depth = spaces / 2;
            String content = rest.substring(spaces);
            Matcher tok = TOKEN.matcher(content);
            List<String> tokens = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            while (tok.find()) {
                tokens.add(tok.group());
                ends.add(tok.end());
            }
            Node node;
            if (tokens.size() == 1) {
                // only the headings Solaris 11 prints (print_logs, print_l2cache, print_spares)
                if (depth != 0 || !SECTIONS.contains(tokens.get(0))) {
                    return false;
                }
                node = new Node(0, tokens.get(0), null, null, null, null, null);
            } else {
                VdevState vs = VdevState.fromSolaris(tokens.get(1)).orElse(null);
                if (vs == null) {
                    return false;
                }
                int annotationFrom;
                String read = null;
                String write = null;
                String cksum = null;
                if (tokens.size() >= 5 && COUNT.matcher(tokens.get(2)).matches()
                        && COUNT.matcher(tokens.get(3)).matches() && COUNT.matcher(tokens.get(4)).matches()) {
                    read = tokens.get(2);
                    write = tokens.get(3);
                    cksum = tokens.get(4);
                    annotationFrom = ends.get(4);
                } else {
                    annotationFrom = ends.get(1);
                }
                String annotation = content.substring(annotationFrom).strip();
                node = new Node(depth, tokens.get(0), vs, read, write, cksum, annotation.isEmpty() ? null : annotation);
            }
            while (!open.isEmpty() && open.peek().depth >= depth) {
                open.pop();
            }
            if (depth == 0) {
                topLevel.add(node);
            } else if (open.isEmpty()) {
                return false;
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
            return true;
        }

        void closeScan(List<String> unrecognized) {
            if (scanLines != null && scan == null) {
                scan = ZpoolStatusParser.scan(scanLines, unrecognized);
            }
        }

        Pool build(List<String> unrecognized) {
            closeScan(unrecognized);
            Vdev root = null;
            List<Vdev> auxiliary = new ArrayList<>();
            for (Node n : topLevel) {
                if (root == null && n.state != null && auxiliary.isEmpty()) {
                    root = n.toVdev();
                } else {
                    auxiliary.add(n.toVdev());
                }
            }
            return new Pool(name, state, text(status), text(action), see, scan, root, auxiliary, text(errors));
        }

        private static String text(StringBuilder sb) {
            return sb == null ? null : sb.toString();
        }
    }
}
