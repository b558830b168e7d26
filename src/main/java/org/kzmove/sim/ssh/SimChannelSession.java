package org.kzmove.sim.ssh;

import java.io.IOException;
import java.util.Map;

import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * MINA's session channel, remembering whether the client asked for a pty: the shell needs to know
 * (line discipline, CRLF, SIGHUP on close), and a pty request with no modes (sshj's default) leaves
 * no other reliable trace.
 */
final class SimChannelSession extends ChannelSession {
    private volatile boolean ptyRequested;
    private volatile String term;

    @Override
    protected RequestHandler.Result handlePtyReqParsed(String term, int tColumns, int tRows, int tWidth, int tHeight,
            Map<PtyMode, Integer> ptyModes) throws IOException {
        this.ptyRequested = true;
        this.term = term;
        return super.handlePtyReqParsed(term, tColumns, tRows, tWidth, tHeight, ptyModes);
    }

    boolean ptyRequested() {
        return ptyRequested;
    }

    String term() {
        return term;
    }

    /**
     * SSH_MSG_CHANNEL_EOF now, while the channel stays open (exit-status and close come later):
     * what sshd sends when no process holds the session's stdout and stderr any more. Sending it
     * twice, or on a closing channel, does nothing.
     */
    void sendEofNow() throws IOException {
        sendEof();
    }

    /** Installed in place of MINA's factory so every session channel is one of these. */
    static final class Factory extends ChannelSessionFactory {
        @Override
        public org.apache.sshd.common.channel.Channel createChannel(org.apache.sshd.common.session.Session session) {
            return new SimChannelSession();
        }
    }
}
