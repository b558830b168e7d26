package org.kzmove.solaris;

/**
 * A value given to kzmove (a zone name, a storage URI, a size, a disk id) that Solaris would
 * refuse or that is unsafe to pass to a remote command. The message says which part is wrong and
 * why, in words fit to show to an administrator.
 */
public class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final String value;

    public InvalidValueException(String what, String value, String reason) {
        super(what + " '" + printable(value) + "': " + reason);
        this.what = what;
        this.value = value;
    }

    /** What kind of value was refused, e.g. "zone name" or "storage URI". */
    public String what() {
        return what;
    }

    /** The refused value, exactly as given (may hold control characters; use {@link #getMessage()} to show it). */
    public String value() {
        return value;
    }

    /** Renders control characters visibly so an error message never carries a raw newline or escape. */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(cp)) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
