package org.kzmove.solaris.storage;

import org.kzmove.solaris.InvalidValueException;

/**
 * A storage URI that suri(7) would refuse or that kzmove will not pass to a remote command. The
 * message names the wrong part and why; {@link #part()} lets a form mark the right spot.
 */
public class InvalidStorageUriException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /** Longest stretch of the refused value quoted in a message; a 1 MB paste must not become a 1 MB dialog. */
    static final int QUOTE_LIMIT = 120;

    /** The part of a storage URI that is wrong. */
    public enum Part {
        /** The text as a whole: empty, too long, whitespace, a forbidden character. */
        TEXT, SCHEME, PATH, LOGICAL_UNIT, INITIATOR, TARGET, HOST, PORT, LUN, USER, GROUP
    }

    private final Part part;
    private final String reason;

    public InvalidStorageUriException(String uri, Part part, String reason) {
        super("storage URI", uri, reason);
        this.part = part;
        this.reason = reason;
    }

    public Part part() {
        return part;
    }

    /** The message without the quoted URI, e.g. "port 99999 is out of range (1-65535)". */
    public String reason() {
        return reason;
    }

    /**
     * Rebuilt rather than inherited: {@link InvalidValueException#printable} escapes control
     * characters but lets through non-ASCII format characters (a right-to-left override can make a
     * hostile URI read as a harmless one) and quotes values of any length.
     */
    @Override
    public String getMessage() {
        return what() + " '" + quote(value()) + "': " + reason;
    }

    /** Renders a value for a message: control characters escaped, non-ASCII as U+XXXX, long values cut. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int[] cps = value.codePoints().toArray();
        int shown = Math.min(cps.length, QUOTE_LIMIT);
        for (int i = 0; i < shown; i++) {
            sb.append(character(cps[i]));
        }
        if (cps.length > shown) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** One code point as a message shows it. */
    static String character(int cp) {
        if (cp < 0x80) {
            return InvalidValueException.printable(new String(Character.toChars(cp)));
        }
        return String.format("U+%04X", cp);
    }
}
