package org.kzmove.sim.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.fs.SimFileException;

/**
 * The three tails of Solaris 11.4: {@code /usr/bin/tail} (the SVR4 one, what a bare {@code tail}
 * finds on the default PATH), {@code /usr/xpg4/bin/tail} (POSIX options) and
 * {@code /usr/gnu/bin/tail} (GNU coreutils). Offsets are exact bytes: kzmove resumes reading a job
 * file at a byte offset with {@code tail +Nc FILE}.
 */
final class Tails {
    static final String SVR4_USAGE = "usage: tail [+/-[n][lbc][f]] [file]\n"
            + "       tail [+/-[n][l][r|f]] [file]\n";
    static final String XPG4_USAGE = "usage: tail [-f|-r] [-c number | -n number] [file]\n"
            + "       tail [+/-[number][lbc][f]] [file]\n"
            + "       tail [+/-[number][l][r|f]] [file]\n";
    private static final int STATUS_ERROR = 2;
    private static final int BLOCK = 512;
    private static final Duration FOLLOW_PAUSE = Duration.ofSeconds(1);

    private final SimUsers users;

    Tails(SimUsers users) {
        this.users = users;
    }

    /** count units ('l' lines, 'c' bytes; blocks are turned into bytes) from the start (+) or the end (-). */
    record Spec(long count, boolean bytes, boolean fromStart, boolean follow, boolean reverse) {
    }

    /**
     * /usr/bin/tail, as the OpenSolaris source (non-XPG4 build) parses it: only argv[1] is an
     * option, {@code [+|-][digits][l|b|c][f|r]}; argv[2], if any, is the file; further arguments
     * are ignored. An argv[1] not starting with '-' or '+' is the file, with the default -10l.
     */
    int svr4(Invocation inv) throws InterruptedException {
        List<String> a = inv.argv().subList(1, inv.argv().size());
        Spec spec = new Spec(10, false, false, false, false);
        String file = null;
        if (!a.isEmpty()) {
            String first = a.get(0);
            if (first.startsWith("-") || first.startsWith("+")) {
                Optional<Spec> parsed = parseOld(first);
                if (parsed.isEmpty()) {
                    inv.stderr().print(SVR4_USAGE);
                    return STATUS_ERROR;
                }
                spec = parsed.get();
                file = a.size() > 1 ? a.get(1) : null;
            } else {
                file = first;
            }
        }
        return run(inv, spec, file);
    }

    /** {@code [+|-][digits][l|b|c][f|r]}: each unit letter at most once in all, r only with lines, not with f. */
    static Optional<Spec> parseOld(String arg) {
        boolean fromStart = arg.charAt(0) == '+';
        int i = 1;
        long n = 0;
        boolean digits = false;
        while (i < arg.length() && Character.isDigit(arg.charAt(i))) {
            n = Math.min(n * 10 + arg.charAt(i) - '0', Integer.MAX_VALUE);
            digits = true;
            i++;
        }
        if (!digits) {
            n = 10;
        }
        char unit = 0;
        boolean follow = false;
        boolean reverse = false;
        for (; i < arg.length(); i++) {
            char c = arg.charAt(i);
            switch (c) {
                case 'l', 'b', 'c' -> {
                    if (unit != 0) {
                        return Optional.empty();
                    }
                    unit = c;
                }
                case 'f' -> follow = true;
                case 'r' -> reverse = true;
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (reverse && (follow || unit == 'b' || unit == 'c')) {
            return Optional.empty();
        }
        if (reverse && !digits) {
            // "The default for r is to print the entire file in reverse order" (tail(1))
            return Optional.of(new Spec(0, false, true, false, true));
        }
        long count = unit == 'b' ? n * BLOCK : n;
        return Optional.of(new Spec(count, unit == 'b' || unit == 'c', fromStart, follow, reverse));
    }

    /** /usr/xpg4/bin/tail: {@code [-f|-r] [-c number | -n number] [file]}, and the old forms. */
    int xpg4(Invocation inv) throws InterruptedException {
        List<String> a = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        if (!a.isEmpty() && (a.get(0).startsWith("+") || a.get(0).matches("-[0-9].*"))) {
            Optional<Spec> old = parseOld(a.get(0));
            if (old.isEmpty() || a.size() > 2) {
                inv.stderr().print(XPG4_USAGE);
                return STATUS_ERROR;
            }
            return run(inv, old.get(), a.size() > 1 ? a.get(1) : null);
        }
        boolean follow = false;
        boolean reverse = false;
        String countArg = null;
        boolean bytes = false;
        boolean bad = false;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1 && !bad) {
            String opt = a.remove(0);
            if (opt.equals("--")) {
                break;
            }
            for (int i = 1; i < opt.length() && !bad; i++) {
                char c = opt.charAt(i);
                switch (c) {
                    case 'f' -> follow = true;
                    case 'r' -> reverse = true;
                    case 'c', 'n' -> {
                        String value = i + 1 < opt.length() ? opt.substring(i + 1) : (a.isEmpty() ? null : a.remove(0));
                        bad = value == null || countArg != null && bytes != (c == 'c');
                        countArg = value;
                        bytes = c == 'c';
                        i = opt.length();
                    }
                    default -> {
                        inv.stderr().println("tail: illegal option -- " + c);
                        bad = true;
                    }
                }
            }
        }
        if (bad || a.size() > 1 || follow && reverse || reverse && bytes
                || countArg != null && !countArg.matches("[+-]?[0-9]+")) {
            inv.stderr().print(XPG4_USAGE);
            return STATUS_ERROR;
        }
        Spec spec;
        if (countArg == null) {
            spec = reverse ? new Spec(0, false, true, false, true) : new Spec(10, false, false, follow, false);
        } else {
            long n = Long.parseLong(countArg.replaceFirst("^[+-]", ""));
            spec = new Spec(n, bytes, countArg.startsWith("+"), follow, reverse);
        }
        return run(inv, spec, a.isEmpty() ? null : a.get(0));
    }

    /**
     * /usr/gnu/bin/tail: GNU forms ({@code -n N}, {@code -n +N}, {@code -c N}, {@code -c +N}, {@code -N},
     * {@code -f} anywhere), one file. Messages are GNU's shape; INVENTED in detail.
     */
    int gnu(Invocation inv) throws InterruptedException {
        List<String> a = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        boolean follow = a.remove("-f");
        Spec spec = new Spec(10, false, false, false, false);
        while (!a.isEmpty()) {
            String opt = a.get(0);
            String value;
            boolean bytes;
            if ((opt.equals("-n") || opt.equals("-c")) && a.size() > 1) {
                bytes = opt.equals("-c");
                value = a.get(1);
                a.remove(0);
                a.remove(0);
            } else if ((opt.startsWith("-n") || opt.startsWith("-c")) && opt.length() > 2) {
                bytes = opt.startsWith("-c");
                value = opt.substring(2);
                a.remove(0);
            } else if (opt.matches("-[0-9]+")) {
                bytes = false;
                value = opt.substring(1);
                a.remove(0);
            } else if (opt.equals("-f")) {
                follow = true;
                a.remove(0);
                continue;
            } else {
                break;
            }
            if (!value.matches("[+-]?[0-9]+")) {
                inv.stderr().println("tail: invalid number of " + (bytes ? "bytes" : "lines") + ": '" + value + "'");
                return 1;
            }
            spec = new Spec(Long.parseLong(value.replaceFirst("^[+-]", "")), bytes, value.startsWith("+"), false, false);
        }
        if (a.size() > 1 || !a.isEmpty() && a.get(0).startsWith("-") && !a.get(0).equals("-")) {
            inv.stderr().println("tail: invalid option -- '" + (a.isEmpty() ? "" : a.get(0).substring(1)) + "'");
            inv.stderr().println("Try 'tail --help' for more information.");
            return 1;
        }
        String file = a.isEmpty() || a.get(0).equals("-") ? null : a.get(0);
        return run(inv, new Spec(spec.count(), spec.bytes(), spec.fromStart(), follow, false), file);
    }

    private int run(Invocation inv, Spec spec, String file) throws InterruptedException {
        byte[] content;
        String abs = file == null ? null : SimPaths.resolve(inv.workingDirectory(), file);
        if (abs == null) {
            try {
                content = inv.stdin().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try {
                content = inv.files().read(abs, FileAccesses.of(inv.credentials(), users));
            } catch (SimFileException e) {
                inv.stderr().println("tail: cannot open input");
                return STATUS_ERROR;
            }
        }
        byte[] selected = select(content, spec);
        inv.stdout().write(selected, 0, selected.length);
        inv.stdout().flush();
        if (spec.follow()) {
            follow(inv, abs, content.length);
        }
        return 0;
    }

    /** The bytes tail prints for a spec; +N is 1-based (+1 and +0 are the whole input). */
    static byte[] select(byte[] content, Spec c) {
        if (c.bytes()) {
            long from = c.fromStart() ? Math.max(0, c.count() - 1) : Math.max(0, content.length - c.count());
            return from >= content.length ? new byte[0] : Arrays.copyOfRange(content, (int) from, content.length);
        }
        List<int[]> lines = lineSpans(content);
        int from = c.fromStart() ? (int) Math.min(lines.size(), Math.max(0, c.count() - 1))
                : (int) Math.max(0, lines.size() - c.count());
        if (c.reverse()) {
            StringBuilder sb = new StringBuilder();
            for (int i = lines.size() - 1; i >= from; i--) {
                int[] span = lines.get(i);
                sb.append(new String(content, span[0], span[1] - span[0], StandardCharsets.UTF_8));
                if (content[span[1] - 1] != '\n') {
                    sb.append('\n');
                }
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        int start = from < lines.size() ? lines.get(from)[0] : content.length;
        return Arrays.copyOfRange(content, start, content.length);
    }

    /** [start, end) of every line, the newline included; a last line without one counts too. */
    private static List<int[]> lineSpans(byte[] content) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                spans.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < content.length) {
            spans.add(new int[] {start, content.length});
        }
        return spans;
    }

    /**
     * -f: at end of file sleep one second (simulated clock) and read again, for ever, until a
     * signal ends the process, as the SVR4 loop does. Standard input is not re-read.
     */
    private static void follow(Invocation inv, String file, long offset) throws InterruptedException {
        long pos = offset;
        while (true) {
            inv.clock().sleep(FOLLOW_PAUSE);
            if (file == null) {
                continue;
            }
            byte[] content = inv.files().read(file).orElse(new byte[0]);
            if (content.length > pos) {
                inv.stdout().write(content, (int) pos, content.length - (int) pos);
                inv.stdout().flush();
                pos = content.length;
            }
        }
    }
}
