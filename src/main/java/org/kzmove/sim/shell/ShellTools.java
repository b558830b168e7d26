package org.kzmove.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.fs.FileAccess;
import org.kzmove.sim.fs.SimFileException;
import org.kzmove.sim.fs.SimFileStat;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SimProcess;
import org.kzmove.sim.process.SimProcessTable;

/**
 * The small Unix tools of the simulated host ({@code echo}, {@code cat}, {@code tail}, {@code ps},
 * {@code kill}, ...), each a {@link org.kzmove.sim.command.SimCommand} working only on the
 * simulated file tree, process table and clock. Options outside the documented subset get a usage
 * error, never a guess.
 */
public final class ShellTools {
    private static final String[] GROUP_NAMES = {"root", "other", "bin", "sys", "adm", "uucp", "mail", "tty", "lp",
        "nuucp", "staff"};

    private final HostServices host;

    private ShellTools(HostServices host) {
        this.host = host;
    }

    /** Installs every tool into the host's registry, under /usr/bin (and /usr/sbin where Solaris has them). */
    public static void installInto(HostServices host) {
        ShellTools t = new ShellTools(host);
        CommandRegistry r = host.registry();
        r.registerDefault("/usr/bin/echo", t::echo);
        r.registerDefault("/usr/bin/cat", t::cat);
        r.registerDefault("/usr/bin/grep", t::grep);
        r.registerDefault("/usr/bin/head", t::head);
        Tails tails = new Tails(host.users());
        r.registerDefault("/usr/bin/tail", tails::svr4);
        r.registerDefault("/usr/xpg4/bin/tail", tails::xpg4);
        r.registerDefault("/usr/gnu/bin/tail", tails::gnu);
        r.registerDefault("/usr/bin/wc", t::wc);
        r.registerDefault("/usr/bin/ls", t::ls);
        r.registerDefault("/usr/bin/mkdir", t::mkdir);
        r.registerDefault("/usr/bin/rm", t::rm);
        r.registerDefault("/usr/bin/ps", t::ps);
        r.registerDefault("/usr/bin/pgrep", inv -> t.pgrep(inv, false));
        r.registerDefault("/usr/bin/pkill", inv -> t.pgrep(inv, true));
        r.registerDefault("/usr/bin/kill", t::kill);
        r.registerDefault("/usr/bin/id", t::id);
        r.registerDefault("/usr/bin/whoami", t::whoami);
        r.registerDefault("/usr/bin/hostname", inv -> {
            inv.stdout().println(inv.hostname());
            return 0;
        });
        r.registerDefault("/usr/bin/uname", t::uname);
        r.registerDefault("/usr/bin/true", inv -> 0);
        r.registerDefault("/usr/bin/false", inv -> 1);
        r.registerDefault("/usr/bin/sleep", t::sleep);
        r.registerDefault("/usr/bin/date", t::date);
        r.registerDefault("/usr/bin/test", inv -> t.test(inv, false));
        r.registerDefault("/usr/bin/[", inv -> t.test(inv, true));
        r.registerDefault("/usr/bin/pwd", inv -> {
            inv.stdout().println(inv.workingDirectory());
            return 0;
        });
        r.registerDefault("/usr/bin/env", inv -> {
            inv.environment().forEach((k, v) -> inv.stdout().println(k + "=" + v));
            return 0;
        });
    }

    private static List<String> args(Invocation inv) {
        return inv.argv().subList(1, inv.argv().size());
    }

    private static String path(Invocation inv, String p) {
        return SimPaths.resolve(inv.workingDirectory(), p);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- echo, cat, grep, head, tail, wc ----

    /** System V echo, as Solaris /usr/bin/echo: {@code -n} and backslash escapes. */
    int echo(Invocation inv) {
        List<String> a = args(inv);
        boolean newline = true;
        if (!a.isEmpty() && a.get(0).equals("-n")) {
            newline = false;
            a = a.subList(1, a.size());
        }
        StringBuilder sb = new StringBuilder();
        String joined = String.join(" ", a);
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\\' && i + 1 < joined.length()) {
                char n = joined.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    case 'c' -> {
                        inv.stdout().print(sb);
                        return 0;
                    }
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        if (newline) {
            sb.append('\n');
        }
        inv.stdout().print(sb);
        return 0;
    }

    int cat(Invocation inv) {
        List<String> a = args(inv);
        if (a.isEmpty()) {
            a = List.of("-");
        }
        int status = 0;
        for (String f : a) {
            if (f.equals("-")) {
                copy(inv.stdin(), inv.stdout());
                continue;
            }
            byte[] content;
            try {
                content = inv.files().read(path(inv, f), access(inv));
            } catch (SimFileException e) {
                // illumos cat.c: "cat: cannot open %s: %s" with strerror
                inv.stderr().println("cat: cannot open " + f + ": " + e.reason().text());
                status = 2;
                continue;
            }
            inv.stdout().write(content, 0, content.length);
            inv.stdout().flush();
        }
        return status;
    }

    private FileAccess access(Invocation inv) {
        return FileAccesses.of(inv.credentials(), host.users());
    }

    private static void copy(InputStream in, PrintStream out) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Input of a filter: the named files, or stdin; a missing file is reported and skipped. */
    private record Input(String name, byte[] content) {
    }

    private Optional<List<Input>> inputs(Invocation inv, String tool, List<String> files) {
        List<Input> result = new ArrayList<>();
        if (files.isEmpty()) {
            result.add(new Input("(standard input)", readAll(inv.stdin())));
            return Optional.of(result);
        }
        boolean missing = false;
        for (String f : files) {
            try {
                result.add(new Input(f, inv.files().read(path(inv, f), access(inv))));
            } catch (SimFileException e) {
                inv.stderr().println(tool + ": cannot open " + f);
                missing = true;
            }
        }
        return missing && result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    private static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    int grep(Invocation inv) {
        boolean invert = false;
        boolean ignoreCase = false;
        boolean count = false;
        boolean quiet = false;
        boolean fixed = false;
        boolean whole = false;
        boolean lineNumbers = false;
        List<String> a = new ArrayList<>(args(inv));
        String pattern = null;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            String opt = a.remove(0);
            if (opt.equals("--")) {
                break;
            }
            if (opt.equals("-e") && !a.isEmpty()) {
                pattern = a.remove(0);
                continue;
            }
            for (char c : opt.substring(1).toCharArray()) {
                switch (c) {
                    case 'v' -> invert = true;
                    case 'i' -> ignoreCase = true;
                    case 'c' -> count = true;
                    case 'q' -> quiet = true;
                    case 'F' -> fixed = true;
                    case 'E' -> { }
                    case 'w' -> whole = true;
                    case 'n' -> lineNumbers = true;
                    default -> {
                        inv.stderr().println("grep: illegal option -- " + c);
                        inv.stderr().println("Usage: grep [-c|-l|-q] [-bhinsvwx] pattern_list [file ...]");
                        return 2;
                    }
                }
            }
        }
        if (pattern == null) {
            if (a.isEmpty()) {
                inv.stderr().println("Usage: grep [-c|-l|-q] [-bhinsvwx] pattern_list [file ...]");
                return 2;
            }
            pattern = a.remove(0);
        }
        Pattern re;
        try {
            String p = fixed ? Pattern.quote(pattern) : pattern;
            if (whole) {
                p = "\\b(?:" + p + ")\\b";
            }
            re = Pattern.compile(p, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            inv.stderr().println("grep: RE error: " + e.getDescription());
            return 2;
        }
        Optional<List<Input>> ins = inputs(inv, "grep", a);
        if (ins.isEmpty()) {
            return 2;
        }
        boolean prefix = a.size() > 1;
        int matched = 0;
        for (Input in : ins.get()) {
            int n = 0;
            int lineNo = 0;
            for (String line : lines(in.content())) {
                lineNo++;
                if (re.matcher(line).find() != invert) {
                    n++;
                    if (!count && !quiet) {
                        inv.stdout().println((prefix ? in.name() + ":" : "") + (lineNumbers ? lineNo + ":" : "") + line);
                    }
                }
            }
            if (count && !quiet) {
                inv.stdout().println((prefix ? in.name() + ":" : "") + n);
            }
            matched += n;
        }
        return matched > 0 ? 0 : 1;
    }

    /** {@code -n N}, {@code -N}, {@code -c N}; returns the count and whether it counts bytes. */
    private record Count(long n, boolean bytes, boolean fromStart) {
    }

    private static Optional<Count> parseCount(List<String> a, long defaultLines) {
        Count c = new Count(defaultLines, false, false);
        while (!a.isEmpty()) {
            String opt = a.get(0);
            String value;
            boolean bytes;
            if (opt.equals("-n") || opt.equals("-c")) {
                if (a.size() < 2) {
                    return Optional.empty();
                }
                bytes = opt.equals("-c");
                value = a.get(1);
                a.remove(0);
                a.remove(0);
            } else if ((opt.startsWith("-n") || opt.startsWith("-c")) && opt.length() > 2) {
                bytes = opt.startsWith("-c");
                value = opt.substring(2);
                a.remove(0);
            } else if (opt.matches("[-+][0-9]+")) {
                bytes = false;
                value = opt.startsWith("-") ? opt.substring(1) : opt;
                a.remove(0);
            } else {
                break;
            }
            boolean fromStart = value.startsWith("+");
            String digits = value.startsWith("+") || value.startsWith("-") ? value.substring(1) : value;
            if (!digits.matches("[0-9]+")) {
                return Optional.empty();
            }
            c = new Count(Long.parseLong(digits), bytes, fromStart);
        }
        return Optional.of(c);
    }

    int head(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        Optional<Count> c = parseCount(a, 10);
        if (c.isEmpty() || (!a.isEmpty() && a.get(0).startsWith("-"))) {
            inv.stderr().println("usage: head [-n # | -c #] [filename]...");
            return 2;
        }
        Optional<List<Input>> ins;
        if (a.isEmpty()) {
            // read only what is needed, so head -1 ends (and its writer gets SIGPIPE) at once
            return headOfStream(inv, c.get());
        }
        ins = inputs(inv, "head", a);
        if (ins.isEmpty()) {
            return 2;
        }
        for (Input in : ins.get()) {
            if (a.size() > 1) {
                inv.stdout().println("==> " + in.name() + " <==");
            }
            if (c.get().bytes()) {
                int n = (int) Math.min(c.get().n(), in.content().length);
                inv.stdout().write(in.content(), 0, n);
            } else {
                lines(in.content()).stream().limit(c.get().n()).forEach(inv.stdout()::println);
            }
        }
        inv.stdout().flush();
        return 0;
    }

    private static int headOfStream(Invocation inv, Count c) {
        long left = c.n();
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while (left > 0 && (b = inv.stdin().read()) >= 0) {
                if (c.bytes()) {
                    inv.stdout().write(b);
                    left--;
                    continue;
                }
                line.write(b);
                if (b == '\n') {
                    inv.stdout().write(line.toByteArray(), 0, line.size());
                    line.reset();
                    left--;
                }
            }
            if (line.size() > 0 && left > 0) {
                inv.stdout().write(line.toByteArray(), 0, line.size());
            }
            inv.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    int wc(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        boolean onlyLines = a.remove("-l");
        boolean onlyBytes = a.remove("-c");
        Optional<List<Input>> ins = inputs(inv, "wc", a);
        if (ins.isEmpty()) {
            return 2;
        }
        for (Input in : ins.get()) {
            long lines = 0;
            for (byte b : in.content()) {
                if (b == '\n') {
                    lines++;
                }
            }
            long words = new String(in.content(), StandardCharsets.UTF_8).trim().isEmpty() ? 0
                    : new String(in.content(), StandardCharsets.UTF_8).trim().split("\\s+").length;
            String name = a.isEmpty() ? "" : " " + in.name();
            if (onlyLines) {
                inv.stdout().printf("%8d%s%n", lines, name);
            } else if (onlyBytes) {
                inv.stdout().printf("%8d%s%n", in.content().length, name);
            } else {
                inv.stdout().printf("%8d %7d %7d%s%n", lines, words, in.content().length, name);
            }
        }
        return 0;
    }

    // ---- files: ls, mkdir, rm ----

    /** Every letter Solaris 11.4 ls(1) lists in its synopsis; all are accepted, the effective ones are below. */
    private static final String LS_LETTERS = "aAbcCdeEfFghHiklLmnopqrRsStuUwvVx1@";
    /** Long options of the 11.4 synopsis, with whether they take a value ({@code --opt value} or {@code --opt=value}). */
    private static final Map<String, Boolean> LS_LONG = Map.of("color", false, "file-type", false, "si", false,
            "scale", false, "block-size", true, "time-style", true);

    /**
     * Solaris 11.4 ls(1): {@code -a -A -d -l -n -g -o -1} act (one name per line, as output off a
     * terminal is), the other letters of the synopsis are accepted and change nothing here; the
     * long options of the synopsis ({@code --color[=when]}, {@code --file-type}, ...) are accepted
     * and ignored; anything else is refused.
     */
    int ls(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        boolean all = false;
        boolean longFormat = false;
        boolean directoryItself = false;
        boolean numeric = false;
        boolean noOwner = false;
        boolean noGroup = false;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            String opt = a.remove(0);
            if (opt.equals("--")) {
                break;
            }
            if (opt.startsWith("--")) {
                String name = opt.substring(2).split("=", 2)[0];
                Boolean takesValue = LS_LONG.get(name);
                if (takesValue == null) {
                    // INVENTED: Solaris getopt_long's exact text for an unknown long option was not found
                    return lsUsage(inv, "-");
                }
                if (takesValue && !opt.contains("=")) {
                    if (a.isEmpty()) {
                        return lsUsage(inv, null);
                    }
                    a.remove(0);
                }
                continue;
            }
            for (int i = 1; i < opt.length(); i++) {
                char c = opt.charAt(i);
                if (c == '/' || c == '%') {
                    // -/ c|v and -% atime|crtime|ctime|mtime|rtime|all take a value
                    if (i + 1 == opt.length() && a.isEmpty()) {
                        return lsUsage(inv, null);
                    }
                    if (i + 1 == opt.length()) {
                        a.remove(0);
                    }
                    break;
                }
                if (LS_LETTERS.indexOf(c) < 0) {
                    return lsUsage(inv, String.valueOf(c));
                }
                switch (c) {
                    case 'a', 'A' -> all = true;
                    case 'l' -> longFormat = true;
                    case 'd' -> directoryItself = true;
                    case 'n' -> {
                        longFormat = true;
                        numeric = true;
                    }
                    case 'g' -> {
                        longFormat = true;
                        noOwner = true;
                    }
                    case 'o' -> {
                        longFormat = true;
                        noGroup = true;
                    }
                    default -> { }
                }
            }
        }
        if (a.isEmpty()) {
            a.add(".");
        }
        LongFormat format = longFormat ? new LongFormat(numeric, !noOwner, !noGroup) : null;
        SimFileSystem fs = inv.files();
        int status = 0;
        List<String> dirs = new ArrayList<>();
        for (String p : a) {
            String abs = path(inv, p);
            if (!fs.exists(abs)) {
                inv.stderr().println(p + ": No such file or directory");
                status = 2;
            } else if (fs.isDirectory(abs) && !directoryItself) {
                dirs.add(p);
            } else {
                printEntry(inv, p, abs, format);
            }
        }
        for (String d : dirs) {
            String abs = path(inv, d);
            if (!readable(inv, abs)) {
                // INVENTED wording: the illumos text for an unreadable directory was not checked
                inv.stderr().println("ls: cannot open directory " + d + ": Permission denied");
                status = 2;
                continue;
            }
            if (a.size() > 1) {
                inv.stdout().println();
                inv.stdout().println(d + ":");
            }
            boolean showHidden = all;
            List<String> names = fs.list(abs).stream().filter(n -> showHidden || !n.startsWith(".")).toList();
            if (format != null) {
                // INVENTED: 512-byte blocks of the sizes; ZFS would report its allocation
                long blocks = names.stream().mapToLong(n -> (Math.max(0, fs.size(SimPaths.resolve(abs, n))) + 511) / 512)
                        .sum();
                inv.stdout().println("total " + blocks);
            }
            for (String name : names) {
                printEntry(inv, name, SimPaths.resolve(abs, name), format);
            }
        }
        return status;
    }

    private boolean readable(Invocation inv, String dir) {
        FileAccess who = access(inv);
        Optional<SimFileStat> st = inv.files().stat(dir);
        if (st.isEmpty() || who.isRoot()) {
            return st.isPresent();
        }
        int mode = st.get().mode();
        int bits = who.uid() == st.get().uid() ? mode >> 6 : who.gid() == st.get().gid() ? mode >> 3 : mode;
        return (bits & 4) != 0;
    }

    private static int lsUsage(Invocation inv, String illegal) {
        if (illegal != null) {
            inv.stderr().println("ls: illegal option -- " + illegal);
        }
        // the usage line of illumos ls.c (11.4 lists a few more long options in its man page)
        inv.stderr().println("usage: ls -aAbcCdeEfFghHiklLmnopqrRsStuUwxvV1@/%[c | v]"
                + "%[atime | crtime | ctime | mtime | all] [files]");
        return 2;
    }

    /** Which columns of the long listing: -n numeric ids, -g without owner, -o without group. */
    private record LongFormat(boolean numeric, boolean owner, boolean group) {
    }

    /**
     * One line of Solaris {@code ls -l}, as illumos ls.c prints it: mode, ACL marker (a space),
     * {@code %3d } links, {@code %-8s } owner, {@code %-8s } group, {@code %7d} size, then
     * {@code  %b %e %H:%M } (or {@code %b %e  %Y} for times more than six months away) and the name.
     */
    private void printEntry(Invocation inv, String shown, String abs, LongFormat format) {
        if (format == null) {
            inv.stdout().println(shown);
            return;
        }
        Optional<SimFileStat> st = inv.files().stat(abs);
        if (st.isEmpty()) {
            return;
        }
        SimFileStat f = st.get();
        StringBuilder sb = new StringBuilder();
        sb.append(f.modeString()).append(' ');
        sb.append(String.format(Locale.ROOT, "%3d ", f.links()));
        if (format.owner()) {
            sb.append(String.format(Locale.ROOT, "%-8s ", format.numeric() ? Integer.toString(f.uid()) : userName(f.uid())));
        }
        if (format.group()) {
            sb.append(String.format(Locale.ROOT, "%-8s ", format.numeric() ? Integer.toString(f.gid()) : groupName(f.gid())));
        }
        sb.append(String.format(Locale.ROOT, "%7d", f.size()));
        sb.append(' ').append(lsTime(f.modified(), host.clock().now())).append(' ').append(shown);
        inv.stdout().println(sb);
    }

    static String lsTime(Instant t, Instant now) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        boolean recent = !t.isAfter(now.plus(Duration.ofHours(1))) && t.isAfter(now.minus(Duration.ofDays(182)));
        return recent ? strftime("%b %e %H:%M", z) : strftime("%b %e  %Y", z);
    }

    /**
     * mkdir [-m mode] [-p] dir...: new directories get 0777 minus the umask; {@code -m} sets the
     * mode exactly (octal, or symbolic relative to a=rwx); with {@code -p} the missing parents get
     * 0777 minus the umask plus u+wx, and the mode applies to the last component only.
     */
    int mkdir(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        boolean parents = false;
        String modeText = null;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            String opt = a.remove(0);
            if (opt.equals("--")) {
                break;
            }
            for (int i = 1; i < opt.length(); i++) {
                char c = opt.charAt(i);
                if (c == 'p') {
                    parents = true;
                } else if (c == 'm') {
                    modeText = i + 1 < opt.length() ? opt.substring(i + 1) : (a.isEmpty() ? null : a.remove(0));
                    if (modeText == null) {
                        inv.stderr().println("mkdir: option requires an argument -- m");
                        return mkdirUsage(inv);
                    }
                    break;
                } else {
                    inv.stderr().println("mkdir: illegal option -- " + c);
                    return mkdirUsage(inv);
                }
            }
        }
        if (a.isEmpty()) {
            return mkdirUsage(inv);
        }
        FileAccess who = access(inv);
        int defaultMode = 0777 & ~who.umask();
        int mode = defaultMode;
        if (modeText != null) {
            Optional<Integer> m = parseMode(modeText);
            if (m.isEmpty()) {
                // INVENTED wording: the illumos message for a bad -m mode was not checked
                inv.stderr().println("mkdir: invalid mode");
                return 2;
            }
            mode = m.get();
        }
        SimFileSystem fs = inv.files();
        int status = 0;
        for (String d : a) {
            String abs = path(inv, d);
            try {
                if (parents) {
                    List<String> chain = new ArrayList<>();
                    for (String q = abs; !q.equals("/"); q = SimPaths.resolve(q, "..")) {
                        chain.add(0, q);
                    }
                    for (int i = 0; i < chain.size(); i++) {
                        String q = chain.get(i);
                        if (fs.isDirectory(q)) {
                            continue;
                        }
                        boolean last = i == chain.size() - 1;
                        fs.mkdir(q, last ? mode : defaultMode | 0300, who);
                    }
                } else {
                    fs.mkdir(abs, mode, who);
                }
            } catch (SimFileException e) {
                // illumos mkdir.c: Failed to make directory "%s"; %s
                inv.stderr().println("mkdir: Failed to make directory \"" + d + "\"; " + e.reason().text());
                status = 2;
            }
        }
        return status;
    }

    private static int mkdirUsage(Invocation inv) {
        inv.stderr().println("mkdir: Usage: mkdir [-m mode] [-p] dirname ...");
        return 2;
    }

    /** An octal mode, or a chmod(1) symbolic mode applied to a=rwx (as mkdir -m is defined). */
    static Optional<Integer> parseMode(String text) {
        if (text.matches("[0-7]{1,4}")) {
            return Optional.of(Integer.parseInt(text, 8));
        }
        int mode = 0777;
        for (String clause : text.split(",", -1)) {
            java.util.regex.Matcher m = Pattern.compile("([ugoa]*)((?:[-+=][rwxst]*)+)").matcher(clause);
            if (!m.matches()) {
                return Optional.empty();
            }
            String who = m.group(1).isEmpty() || m.group(1).contains("a") ? "ugo" : m.group(1);
            java.util.regex.Matcher ops = Pattern.compile("([-+=])([rwxst]*)").matcher(m.group(2));
            while (ops.find()) {
                int bits = 0;
                int mask = 0;
                for (char w : who.toCharArray()) {
                    int shift = w == 'u' ? 6 : w == 'g' ? 3 : 0;
                    mask |= 7 << shift;
                    for (char p : ops.group(2).toCharArray()) {
                        switch (p) {
                            case 'r' -> bits |= 4 << shift;
                            case 'w' -> bits |= 2 << shift;
                            case 'x' -> bits |= 1 << shift;
                            case 's' -> bits |= w == 'u' ? SimFileStat.SETUID : w == 'g' ? SimFileStat.SETGID : 0;
                            case 't' -> bits |= SimFileStat.STICKY;
                            default -> { }
                        }
                    }
                }
                switch (ops.group(1)) {
                    case "+" -> mode |= bits;
                    case "-" -> mode &= ~bits;
                    default -> mode = mode & ~mask | bits;
                }
            }
        }
        return Optional.of(mode);
    }

    int rm(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        boolean force = false;
        boolean recursive = false;
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            for (char c : a.remove(0).substring(1).toCharArray()) {
                switch (c) {
                    case 'f' -> force = true;
                    case 'r', 'R' -> recursive = true;
                    default -> {
                        inv.stderr().println("rm: illegal option -- " + c);
                        inv.stderr().println("usage: rm [-cFfiRrv] file ...");
                        return 2;
                    }
                }
            }
        }
        if (a.isEmpty() && !force) {
            inv.stderr().println("usage: rm [-cFfiRrv] file ...");
            return 2;
        }
        SimFileSystem fs = inv.files();
        FileAccess who = access(inv);
        int status = 0;
        for (String f : a) {
            String abs = path(inv, f);
            if (!fs.exists(abs)) {
                if (!force) {
                    inv.stderr().println("rm: " + f + ": No such file or directory");
                    status = 2;
                }
                continue;
            }
            if (fs.isDirectory(abs) && !recursive) {
                inv.stderr().println("rm: " + f + " is a directory");
                status = 2;
                continue;
            }
            try {
                deleteTree(fs, abs, who);
            } catch (SimFileException e) {
                // INVENTED from memory of illumos rm.c ("%s not removed: %s"), not checked
                inv.stderr().println("rm: " + f + " not removed: " + e.reason().text());
                status = 2;
            }
        }
        return status;
    }

    private static void deleteTree(SimFileSystem fs, String abs, FileAccess who) throws SimFileException {
        if (fs.isDirectory(abs)) {
            for (String child : fs.list(abs)) {
                deleteTree(fs, SimPaths.resolve(abs, child), who);
            }
        }
        fs.delete(abs, who);
    }

    // ---- processes: ps, pgrep, pkill, kill ----

    private static final Map<String, String> PS_HEADERS = Map.ofEntries(
            Map.entry("pid", "PID"), Map.entry("ppid", "PPID"), Map.entry("pgid", "PGID"), Map.entry("uid", "UID"),
            Map.entry("ruid", "RUID"), Map.entry("user", "USER"), Map.entry("ruser", "RUSER"),
            Map.entry("args", "COMMAND"), Map.entry("comm", "COMMAND"), Map.entry("stime", "STIME"),
            Map.entry("etime", "ELAPSED"), Map.entry("time", "TIME"), Map.entry("s", "S"), Map.entry("tty", "TT"));

    private record Column(String field, String header) {
    }

    /** Option letters of Solaris 11.4 ps(1) that take a list or format. */
    private static final String PS_WITH_VALUE = "CgGhnoOpstuUz";
    /** Option letters of ps(1) without a value. */
    private static final String PS_FLAGS = "aAcdefHjlLPwWyZ";
    /** Of those, what the simulator implements; the rest are refused rather than half done. */
    private static final String PS_SIMULATED = "eAflotpuU";
    /** Long options of 11.4 SRU27+ (ps(1) of 11.4.27) the simulator maps to its short ones. */
    private static final Map<String, Character> PS_LONG = Map.of("pid", 'p', "user", 'u', "User", 'U', "tty", 't',
            "format", 'o');

    /**
     * Solaris ps(1) with getopt-style parsing ({@code -ef}, {@code -eo pid,args}, {@code -opid}):
     * {@code -e -A -f -l} (as -f), {@code -o format}, {@code -p proclist}, {@code -u uidlist}
     * (effective), {@code -U uidlist} (real), {@code -t termlist}. Other documented options are
     * refused with a message saying the simulator lacks them; unknown ones as Solaris does.
     */
    int ps(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        boolean every = false;
        boolean full = false;
        List<Column> columns = new ArrayList<>();
        List<Integer> pids = null;
        List<String> users = null;
        List<String> realUsers = null;
        List<String> terms = null;
        while (!a.isEmpty()) {
            String arg = a.remove(0);
            if (arg.equals("--")) {
                break;
            }
            List<Map.Entry<Character, String>> opts = new ArrayList<>();
            if (arg.startsWith("--")) {
                String[] kv = arg.substring(2).split("=", 2);
                Character c = PS_LONG.get(kv[0]);
                if (c == null) {
                    // INVENTED: what 11.4's ps prints for an unknown long option was not found
                    return psUsage(inv, "illegal option -- " + kv[0]);
                }
                String v = kv.length > 1 ? kv[1] : (a.isEmpty() ? null : a.remove(0));
                if (v == null) {
                    return psUsage(inv, "option requires an argument -- " + kv[0]);
                }
                opts.add(Map.entry(c, v));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int i = 1; i < arg.length(); i++) {
                    char c = arg.charAt(i);
                    if (PS_WITH_VALUE.indexOf(c) >= 0) {
                        String v = i + 1 < arg.length() ? arg.substring(i + 1) : (a.isEmpty() ? null : a.remove(0));
                        if (v == null) {
                            return psUsage(inv, "option requires an argument -- " + c);
                        }
                        opts.add(Map.entry(c, v));
                        break;
                    }
                    if (PS_FLAGS.indexOf(c) < 0) {
                        return psUsage(inv, "illegal option -- " + c);
                    }
                    opts.add(Map.entry(c, ""));
                }
            } else {
                // INVENTED: the BSD form (ps aux) is ps(1B)'s, which the simulator does not have
                return psUsage(inv, "illegal option -- " + arg);
            }
            for (Map.Entry<Character, String> o : opts) {
                char c = o.getKey();
                String v = o.getValue();
                if (PS_SIMULATED.indexOf(c) < 0) {
                    // INVENTED: a real ps has this option; the simulator says so instead of guessing
                    inv.stderr().println("ps: -" + c + " is not supported by the simulated host");
                    return 1;
                }
                switch (c) {
                    case 'e', 'A' -> every = true;
                    case 'f', 'l' -> full = true;
                    case 'o' -> {
                        for (String f : v.split("[, ]+")) {
                            String name = f.endsWith("=") ? f.substring(0, f.length() - 1) : f;
                            if (!PS_HEADERS.containsKey(name)) {
                                inv.stderr().println("ps: unknown output format: -o " + f);
                                return psUsage(inv, null);
                            }
                            columns.add(new Column(name, f.endsWith("=") ? "" : PS_HEADERS.get(name)));
                        }
                    }
                    case 'p' -> {
                        pids = pids == null ? new ArrayList<>() : pids;
                        for (String p : v.split("[, ]+")) {
                            try {
                                pids.add(Integer.parseInt(p));
                            } catch (NumberFormatException e) {
                                inv.stderr().println("ps: illegal process id: " + p);
                                return psUsage(inv, null);
                            }
                        }
                    }
                    case 'u' -> users = Arrays.asList(v.split("[, ]+"));
                    case 'U' -> realUsers = Arrays.asList(v.split("[, ]+"));
                    case 't' -> terms = Arrays.asList(v.split("[, ]+"));
                    default -> throw new IllegalStateException("ps -" + c);
                }
            }
        }
        if (!a.isEmpty()) {
            return psUsage(inv, "illegal option -- " + a.get(0));
        }
        List<SimProcess> selected = new ArrayList<>();
        boolean selecting = pids != null || users != null || realUsers != null || terms != null;
        for (SimProcess p : host.processes().list()) {
            boolean include;
            if (every) {
                include = true;
            } else if (selecting) {
                include = (pids != null && pids.contains(p.pid()))
                        || (users != null && matchesUser(users, p.credentials().effectiveUid()))
                        || (realUsers != null && matchesUser(realUsers, p.credentials().uid()))
                        || (terms != null && terms.contains(p.tty()));
            } else {
                include = p.credentials().effectiveUid() == inv.credentials().effectiveUid();
            }
            if (include) {
                selected.add(p);
            }
        }
        if (columns.isEmpty()) {
            printFixed(inv.stdout(), selected, full);
            return selected.isEmpty() && pids != null ? 1 : 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (SimProcess p : selected) {
            List<String> row = new ArrayList<>();
            for (Column c : columns) {
                row.add(psField(p, c.field()));
            }
            rows.add(row);
        }
        printTable(inv.stdout(), columns, rows);
        return selected.isEmpty() && pids != null ? 1 : 0;
    }

    /** A uidlist holds names or numbers. */
    private boolean matchesUser(List<String> list, int uid) {
        return list.contains(host.users().nameOf(uid)) || list.contains(Integer.toString(uid));
    }

    /** The default and -f layouts of Solaris ps, column for column. */
    private void printFixed(PrintStream out, List<SimProcess> processes, boolean full) {
        if (full) {
            out.println(String.format(Locale.ROOT, "%8s %5s %5s %3s %8s %-7s %8s %s", "UID", "PID", "PPID", "C",
                    "STIME", "TTY", "TIME", "CMD"));
            for (SimProcess p : processes) {
                out.println(String.format(Locale.ROOT, "%8s %5d %5d %3d %8s %-7s %8s %s", psField(p, "user"), p.pid(),
                        p.ppid(), 0, psField(p, "stime"), p.tty(), "0:00", p.args()));
            }
        } else {
            out.println(String.format(Locale.ROOT, "%5s %-7s %8s %s", "PID", "TTY", "TIME", "CMD"));
            for (SimProcess p : processes) {
                out.println(String.format(Locale.ROOT, "%5d %-7s %8s %s", p.pid(), p.tty(), "0:00", p.command()));
            }
        }
    }

    private static int psUsage(Invocation inv, String problem) {
        if (problem != null) {
            inv.stderr().println("ps: " + problem);
        }
        // the first three lines of illumos ps.c's usage(); the list of -o formats it prints after
        // them is left out (a simplification)
        inv.stderr().println("usage: ps [ -aAdefHlcjLPyZ ] [ -o format ] [ -t termlist ]");
        inv.stderr().println("\t[ -u userlist ] [ -U userlist ] [ -G grouplist ]");
        inv.stderr().println("\t[ -p proclist ] [ -g pgrplist ] [ -s sidlist ] [ -z zonelist ] [-h lgrplist]");
        return 1;
    }

    private String psField(SimProcess p, String field) {
        Credentials c = p.credentials();
        Instant now = host.clock().now();
        return switch (field) {
            case "pid" -> Integer.toString(p.pid());
            case "ppid" -> Integer.toString(p.ppid());
            case "pgid" -> Integer.toString(p.ppid());
            case "uid" -> Integer.toString(c.effectiveUid());
            case "ruid" -> Integer.toString(c.uid());
            case "user" -> host.users().nameOf(c.effectiveUid());
            case "ruser" -> host.users().nameOf(c.uid());
            case "args" -> p.args();
            case "comm" -> p.argv().isEmpty() ? "" : p.argv().get(0);
            case "stime" -> {
                ZonedDateTime t = p.startTime().atZone(ZoneOffset.UTC);
                boolean today = Duration.between(p.startTime(), now).toHours() < 24;
                yield today ? DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(t)
                        : t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + "_" + t.getDayOfMonth();
            }
            case "etime" -> elapsed(Duration.between(p.startTime(), now));
            case "time" -> "0:00";
            case "s" -> p.isRunning() ? "S" : "Z";
            case "tty" -> p.tty();
            default -> "-";
        };
    }

    private static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        long h = s % 86400 / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", days, h, m, sec);
        }
        if (h > 0) {
            return String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, sec);
        }
        return String.format(Locale.ROOT, "%02d:%02d", m, sec);
    }

    /** ps layout: numbers right-aligned, text left-aligned, the last column unpadded. */
    private static void printTable(PrintStream out, List<Column> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        boolean anyHeader = false;
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).header().length();
            anyHeader |= !columns.get(i).header().isEmpty();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
            if (isNumeric(columns.get(i).field())) {
                widths[i] = Math.max(widths[i], 5);
            }
        }
        Function<List<String>, String> format = cells -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                boolean lastColumn = i == cells.size() - 1;
                String cell = cells.get(i);
                if (i > 0) {
                    sb.append(' ');
                }
                if (isNumeric(columns.get(i).field())) {
                    sb.append(" ".repeat(widths[i] - cell.length())).append(cell);
                } else if (lastColumn) {
                    sb.append(cell);
                } else {
                    sb.append(cell).append(" ".repeat(widths[i] - cell.length()));
                }
            }
            return sb.toString();
        };
        if (anyHeader) {
            out.println(format.apply(columns.stream().map(Column::header).toList()));
        }
        for (List<String> r : rows) {
            out.println(format.apply(r));
        }
    }

    private static boolean isNumeric(String field) {
        return switch (field) {
            case "pid", "ppid", "pgid", "uid", "ruid", "user", "ruser", "stime", "etime", "time" -> true;
            default -> false;
        };
    }

    int pgrep(Invocation inv, boolean killing) {
        List<String> a = new ArrayList<>(args(inv));
        boolean full = false;
        boolean exact = false;
        boolean listNames = false;
        String userFilter = null;
        Signal signal = Signal.TERM;
        String tool = killing ? "pkill" : "pgrep";
        while (!a.isEmpty() && a.get(0).startsWith("-") && a.get(0).length() > 1) {
            String opt = a.remove(0);
            if (opt.equals("-u")) {
                if (a.isEmpty()) {
                    return pgrepUsage(inv, tool);
                }
                userFilter = a.remove(0);
                continue;
            }
            if (killing && Signal.parse(opt.substring(1)).isPresent()) {
                signal = Signal.parse(opt.substring(1)).get();
                continue;
            }
            for (char c : opt.substring(1).toCharArray()) {
                switch (c) {
                    case 'f' -> full = true;
                    case 'x' -> exact = true;
                    case 'l' -> listNames = true;
                    default -> {
                        return pgrepUsage(inv, tool);
                    }
                }
            }
        }
        if (a.size() != 1) {
            return pgrepUsage(inv, tool);
        }
        Pattern re;
        try {
            re = Pattern.compile(a.get(0));
        } catch (PatternSyntaxException e) {
            inv.stderr().println(tool + ": " + e.getDescription());
            return 2;
        }
        int found = 0;
        int failed = 0;
        // the shell that ran pgrep is skipped too: a real sh -c execs its last simple command, so
        // ssh host "pgrep -f PATTERN" never finds its own shell
        int parent = inv instanceof SimInvocation si ? si.process().ppid() : -1;
        for (SimProcess p : host.processes().list()) {
            if (p.pid() == inv.pid() || p.pid() == parent) {
                continue;
            }
            String subject = full ? p.args() : p.command();
            boolean match = exact ? re.matcher(subject).matches() : re.matcher(subject).find();
            if (!match || userFilter != null && !userFilter.equals(host.users().nameOf(p.credentials().effectiveUid()))) {
                continue;
            }
            found++;
            if (killing) {
                SimProcessTable.SignalResult r = host.processes().signal(p.pid(), signal, inv.credentials());
                if (r == SimProcessTable.SignalResult.NOT_OWNER) {
                    inv.stderr().println("pkill: Failed to signal pid " + p.pid() + ": Not owner");
                    failed++;
                }
            } else {
                inv.stdout().println(listNames ? p.pid() + " " + (full ? p.args() : p.command()) : Integer.toString(p.pid()));
            }
        }
        if (found == 0) {
            return 1;
        }
        return failed > 0 ? 3 : 0;
    }

    private static int pgrepUsage(Invocation inv, String tool) {
        inv.stderr().println("Usage: " + tool + " [-fvx] [-n | -o] [-d delim] [-P pidlist] [-g pgrplist] [-s sidlist]");
        inv.stderr().println("\t[-u euidlist] [-U uidlist] [-G gidlist] [-J projidlist] [-t termlist] [pattern]");
        return 2;
    }

    /** kill [-s SIG | -SIG | -N] pid ...; the sender's credentials decide, as Solaris hasprocperm(). */
    int kill(Invocation inv) {
        List<String> a = new ArrayList<>(args(inv));
        Signal signal = Signal.TERM;
        if (!a.isEmpty() && a.get(0).equals("-l")) {
            inv.stdout().println("HUP INT QUIT KILL USR1 USR2 PIPE TERM");
            return 0;
        }
        if (!a.isEmpty() && a.get(0).equals("-s")) {
            a.remove(0);
            if (a.isEmpty()) {
                return killUsage(inv);
            }
            String name = a.remove(0);
            Optional<Signal> s = Signal.parse(name);
            if (s.isEmpty()) {
                inv.stderr().println("sh: kill: " + name + ": invalid signal specification");
                return 2;
            }
            signal = s.get();
        } else if (!a.isEmpty() && a.get(0).startsWith("-") && !a.get(0).equals("--")) {
            String name = a.remove(0).substring(1);
            Optional<Signal> s = Signal.parse(name);
            if (s.isEmpty()) {
                inv.stderr().println("sh: kill: " + name + ": invalid signal specification");
                return 2;
            }
            signal = s.get();
        }
        if (!a.isEmpty() && a.get(0).equals("--")) {
            a.remove(0);
        }
        if (a.isEmpty()) {
            return killUsage(inv);
        }
        int status = 0;
        for (String p : a) {
            int pid;
            try {
                pid = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                inv.stderr().println("sh: kill: " + p + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            switch (host.processes().signal(pid, signal, inv.credentials())) {
                case NO_SUCH_PROCESS -> {
                    inv.stderr().println("sh: kill: (" + pid + ") - No such process");
                    status = 1;
                }
                case NOT_OWNER -> {
                    inv.stderr().println("sh: kill: (" + pid + ") - Not owner");
                    status = 1;
                }
                default -> { }
            }
        }
        return status;
    }

    private static int killUsage(Invocation inv) {
        inv.stderr().println("usage: kill [ -s signame | -signum | -signame ] { pid | job }...");
        inv.stderr().println("       kill -l [ exitstatus ]");
        return 2;
    }

    // ---- identity and host: id, whoami, uname, date ----

    private String userName(int uid) {
        return host.users().nameOf(uid);
    }

    private static String groupName(int gid) {
        return gid >= 0 && gid < GROUP_NAMES.length ? GROUP_NAMES[gid] : Integer.toString(gid);
    }

    int id(Invocation inv) {
        Credentials c = inv.credentials();
        int gid = c.uid() == 0 ? 0 : host.users().byUid(c.uid()).map(SimUser::gid).orElse(10);
        List<String> a = args(inv);
        if (a.contains("-u") || a.contains("-un") || a.contains("-nu")) {
            boolean name = a.contains("-n") || a.contains("-un") || a.contains("-nu");
            inv.stdout().println(name ? userName(c.effectiveUid()) : Integer.toString(c.effectiveUid()));
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("uid=").append(c.uid()).append('(').append(userName(c.uid())).append(')');
        sb.append(" gid=").append(gid).append('(').append(groupName(gid)).append(')');
        if (c.effectiveUid() != c.uid()) {
            sb.append(" euid=").append(c.effectiveUid()).append('(').append(userName(c.effectiveUid())).append(')');
        }
        inv.stdout().println(sb);
        return 0;
    }

    int whoami(Invocation inv) {
        inv.stdout().println(userName(inv.credentials().effectiveUid()));
        return 0;
    }

    /** Solaris uname; the version string is INVENTED (see HostServices.SOLARIS_VERSION). */
    int uname(Invocation inv) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('s', "SunOS");
        fields.put('n', inv.hostname());
        fields.put('r', HostServices.SOLARIS_RELEASE);
        fields.put('v', HostServices.SOLARIS_VERSION);
        fields.put('m', "i86pc");
        fields.put('p', "i386");
        fields.put('i', "i86pc");
        StringBuilder wanted = new StringBuilder();
        for (String a : args(inv)) {
            if (!a.startsWith("-") || a.length() < 2) {
                inv.stderr().println("usage: uname [-snrvmapiX]");
                return 1;
            }
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'a') {
                    wanted.append("snrvmpi");
                } else if (fields.containsKey(c)) {
                    wanted.append(c);
                } else {
                    inv.stderr().println("uname: illegal option -- " + c);
                    inv.stderr().println("usage: uname [-snrvmapiX]");
                    return 1;
                }
            }
        }
        if (wanted.length() == 0) {
            wanted.append('s');
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Character, String> e : fields.entrySet()) {
            if (wanted.indexOf(String.valueOf(e.getKey())) >= 0) {
                out.add(e.getValue());
            }
        }
        inv.stdout().println(String.join(" ", out));
        return 0;
    }

    int sleep(Invocation inv) throws InterruptedException {
        List<String> a = args(inv);
        if (a.size() != 1) {
            inv.stderr().println("usage: sleep seconds");
            return 2;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(a.get(0));
        } catch (NumberFormatException e) {
            inv.stderr().println("sleep: bad character in argument");
            return 2;
        }
        inv.clock().sleep(Duration.ofNanos((long) (seconds * 1e9)));
        return 0;
    }

    /** date [-u] [+FORMAT]: the simulated clock, always UTC (the simulated host's TZ). */
    int date(Invocation inv) {
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (String a : args(inv)) {
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (!a.equals("-u")) {
                inv.stderr().println("usage: date [-u] [+format]");
                return 1;
            }
        }
        inv.stdout().println(strftime(format, inv.clock().now().atZone(ZoneOffset.UTC)));
        return 0;
    }

    static String strftime(String format, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char f = format.charAt(++i);
            switch (f) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> sb.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
                case 'm' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
                case 'd' -> sb.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
                case 'e' -> sb.append(String.format(Locale.ROOT, "%2d", t.getDayOfMonth()));
                case 'H' -> sb.append(String.format(Locale.ROOT, "%02d", t.getHour()));
                case 'M' -> sb.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
                case 'S' -> sb.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
                case 'j' -> sb.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 's' -> sb.append(t.toEpochSecond());
                case 'Z' -> sb.append("UTC");
                case 'z' -> sb.append("+0000");
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'T' -> sb.append(strftime("%H:%M:%S", t));
                case 'F' -> sb.append(strftime("%Y-%m-%d", t));
                case 'n' -> sb.append('\n');
                case '%' -> sb.append('%');
                default -> sb.append('%').append(f);
            }
        }
        return sb.toString();
    }

    /** test / [: the unary file and string tests, string and integer comparisons, and !. */
    int test(Invocation inv, boolean bracket) {
        List<String> a = new ArrayList<>(args(inv));
        if (bracket) {
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
                inv.stderr().println("sh: [: ']' missing");
                return 2;
            }
            a.remove(a.size() - 1);
        }
        try {
            return evaluate(inv, a) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            inv.stderr().println("sh: test: " + e.getMessage());
            return 2;
        }
    }

    private boolean evaluate(Invocation inv, List<String> a) {
        if (a.isEmpty()) {
            return false;
        }
        if (a.get(0).equals("!")) {
            return !evaluate(inv, a.subList(1, a.size()));
        }
        if (a.size() == 1) {
            return !a.get(0).isEmpty();
        }
        SimFileSystem fs = inv.files();
        if (a.size() == 2) {
            String p = path(inv, a.get(1).isEmpty() ? "." : a.get(1));
            // installed commands are not files of the simulated tree, but test sees them as programs
            boolean program = host.registry().contains(p);
            return switch (a.get(0)) {
                case "-f" -> fs.read(p).isPresent() || program;
                case "-d" -> fs.isDirectory(p);
                case "-e", "-r", "-w" -> fs.exists(p) || program;
                case "-s" -> fs.size(p) > 0 || program;
                case "-x" -> fs.isDirectory(p) || program;
                case "-n" -> !a.get(1).isEmpty();
                case "-z" -> a.get(1).isEmpty();
                default -> throw new IllegalArgumentException(a.get(0) + ": unknown operator");
            };
        }
        if (a.size() == 3) {
            String l = a.get(0);
            String r = a.get(2);
            switch (a.get(1)) {
                case "=", "==":
                    return l.equals(r);
                case "!=":
                    return !l.equals(r);
                default:
                    break;
            }
            long x;
            long y;
            try {
                x = Long.parseLong(l.trim());
                y = Long.parseLong(r.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number");
            }
            return switch (a.get(1)) {
                case "-eq" -> x == y;
                case "-ne" -> x != y;
                case "-lt" -> x < y;
                case "-le" -> x <= y;
                case "-gt" -> x > y;
                case "-ge" -> x >= y;
                default -> throw new IllegalArgumentException(a.get(1) + ": unknown operator");
            };
        }
        throw new IllegalArgumentException("too many arguments");
    }
}
