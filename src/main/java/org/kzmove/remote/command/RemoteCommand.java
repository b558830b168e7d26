package org.kzmove.remote.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.zone.ZoneName;

/**
 * The one way kzmove builds a command line for a remote host. Each argument is typed, validated
 * by the Solaris model (zone names, storage URIs, paths) and then POSIX-quoted; nothing a user
 * typed is ever concatenated into a command. A value that fails validation throws before anything
 * could be sent.
 *
 * <pre>{@code
 * RemoteCommand.of(Program.ZONEADM, Privilege.PFEXEC).flag("-z").zone(name).word("move").flag("-v")
 * }</pre>
 */
public final class RemoteCommand {
    private static final Pattern FLAG = Pattern.compile("-{1,2}[A-Za-z][A-Za-z0-9-]*|-[A-Za-z]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.,=%+:-]*");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.+-]+)+/?|/");

    private final List<String> words;

    private RemoteCommand(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** Starts a command for {@code program}, elevated by {@code privilege}. */
    public static Builder of(Program program, Privilege privilege) {
        return new Builder(program, privilege);
    }

    /** The validated words, unquoted, in order (privilege prefix included). */
    public List<String> words() {
        return words;
    }

    /** The command line as sent to the remote shell: each word quoted as needed, separated by spaces. */
    public String toShellLine() {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ShellQuoting.quote(w));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toShellLine();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteCommand other && words.equals(other.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    /** Collects validated arguments; every method throws {@link InvalidValueException} on a bad value. */
    public static final class Builder {
        private final List<String> words = new ArrayList<>();

        private Builder(Program program, Privilege privilege) {
            words.addAll(Objects.requireNonNull(privilege, "privilege").prefix());
            words.add(Objects.requireNonNull(program, "program").command());
        }

        /** An option such as {@code -z}, {@code -v}, {@code -cp}, {@code --help}. */
        public Builder flag(String flag) throws InvalidValueException {
            if (flag == null || !FLAG.matcher(flag).matches()) {
                throw new InvalidValueException("command option", flag, "is not a plain option such as -v");
            }
            words.add(flag);
            return this;
        }

        /** A fixed keyword or simple value such as {@code move}, {@code status}, {@code id=3}, {@code pid,args}. */
        public Builder word(String word) throws InvalidValueException {
            if (word == null || !WORD.matcher(word).matches()) {
                throw new InvalidValueException("command word", word,
                        "may hold only letters, digits and _ . , = % + : - (and must start with a letter or digit)");
            }
            words.add(word);
            return this;
        }

        /** A zone name, checked against zonecfg's naming rules. */
        public Builder zone(String zone) throws InvalidValueException {
            words.add(ZoneName.validate(zone));
            return this;
        }

        /** An absolute path on the host made only of safe characters, with no {@code .} or {@code ..} parts. */
        public Builder path(String path) throws InvalidValueException {
            if (path == null || !PATH.matcher(path).matches()) {
                throw new InvalidValueException("remote path", path,
                        "must be absolute and use only letters, digits and _ . + - between slashes");
            }
            for (String part : path.split("/")) {
                if (part.equals(".") || part.equals("..")) {
                    throw new InvalidValueException("remote path", path, "must not contain '.' or '..' components");
                }
            }
            words.add(path);
            return this;
        }

        /** A non-negative number (a pid, a byte offset, a count). */
        public Builder number(long value) throws InvalidValueException {
            if (value < 0) {
                throw new InvalidValueException("number", Long.toString(value), "must not be negative");
            }
            words.add(Long.toString(value));
            return this;
        }

        /** A start position such as tail's {@code +N} (1-based): a positive number with a leading plus. */
        public Builder fromPosition(long value) throws InvalidValueException {
            if (value < 1) {
                throw new InvalidValueException("start position", Long.toString(value), "must be 1 or more");
            }
            words.add("+" + value);
            return this;
        }

        /**
         * A byte position in the legacy form that every Solaris {@code tail} accepts, {@code +Nc}
         * (1-based): {@code /usr/bin/tail} knows no {@code -c} option (tail(1)).
         */
        public Builder fromByte(long value) throws InvalidValueException {
            if (value < 1) {
                throw new InvalidValueException("start position", Long.toString(value), "must be 1 or more");
            }
            words.add("+" + value + "c");
            return this;
        }

        /** A storage URI accepted by the Solaris model; passed as the user wrote it (zoneadm normalises it). */
        public Builder storageUri(StorageUri uri) throws InvalidValueException {
            // Re-parse the text: a StorageUri can only be made by the parser, but the check is cheap
            // and keeps this method the single gate whatever the caller holds.
            words.add(StorageUris.parse(Objects.requireNonNull(uri, "uri").text()).text());
            return this;
        }

        /** A storage URI as typed; parsed and validated here. */
        public Builder storageUri(String text) throws InvalidValueException {
            words.add(StorageUris.parse(text).text());
            return this;
        }

        public RemoteCommand build() {
            return new RemoteCommand(words);
        }
    }
}
