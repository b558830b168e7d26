package org.kzmove.remote;

/**
 * Anything that goes wrong talking to a host, typed by cause so the CLI and the console can say
 * what to do. The message is for people; the cause keeps the library's exception for the log.
 */
public class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a remote operation failed. */
    public enum Reason {
        /** Host name unknown, connection refused or timed out, network down. */
        UNREACHABLE,
        /** The server refused every credential offered. */
        AUTHENTICATION,
        /** The host's key is not known and nobody trusted it. */
        HOST_KEY_UNKNOWN,
        /** The host's key differs from the one recorded: possibly an attack; refused. */
        HOST_KEY_CHANGED,
        /** The host's key is marked {@code @revoked} in a known_hosts file: possibly stolen; refused. */
        HOST_KEY_REVOKED,
        /** The command ran but the user lacks the rights for it. */
        PERMISSION,
        /** The command ran and failed. */
        COMMAND_FAILED,
        /** No answer within the configured time. */
        TIMEOUT,
        /** The connection dropped or the server spoke nonsense. */
        CONNECTION_LOST,
        /** A command printed more than kzmove reads of one command ({@code SshConnection.MAX_OUTPUT_BYTES}). */
        OUTPUT_TOO_LARGE,
        /** A local problem: unreadable key file, bad passphrase, and the like. */
        LOCAL
    }

    private final Reason reason;
    private final String host;

    public RemoteException(Reason reason, String host, String message) {
        super(message);
        this.reason = reason;
        this.host = host;
    }

    public RemoteException(Reason reason, String host, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.host = host;
    }

    public Reason reason() {
        return reason;
    }

    /** The host as the user named it ({@code user@address:port}). */
    public String host() {
        return host;
    }
}
