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
            } else if (cp > 0x7e && isInvisibleOrDirectional(cp)) {
                // e.g. U+202E RIGHT-TO-LEFT OVERRIDE would reorder the rest of the message on screen
                sb.append(String.format("U+%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean isInvisibleOrDirectional(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SPACE_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }
}
