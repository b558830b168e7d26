package org.kzmove.remote.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * A remote command whose output is read as it arrives (a program's start, which
 * ends when the program takes over its streams). Closing it closes the channel; the remote command then ends at its next write.
 */
public final class StreamingCommand implements Closeable {
    private final Session session;
    private final Session.Command command;

    StreamingCommand(Session session, Session.Command command) {
        this.session = session;
        this.command = command;
    }

    /** Standard output, as it arrives; ends when the command ends or the channel closes. */
    public InputStream stdout() {
        return command.getInputStream();
    }

    public InputStream stderr() {
        return command.getErrorStream();
    }

    /** Waits for the exit status; null when the command was cut off or is still running at the deadline. */
    public Integer awaitExit(long timeoutMillis) {
        try {
            command.join(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return null;
        }
        return command.getExitStatus();
    }

    /** The exit status if it has arrived already, without waiting. */
    public Integer exitStatusIfKnown() {
        return command.getExitStatus();
    }

    public boolean isOpen() {
        return command.isOpen();
    }

    @Override
    public void close() {
        try {
            command.close();
        } catch (IOException e) {
            // The channel is already gone: nothing more to close.
        }
        try {
            session.close();
        } catch (IOException e) {
            // Same.
        }
    }
}
