package org.kzmove.sim.shell;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.kzmove.sim.command.BrokenPipeException;

/**
 * The output end of an SSH channel as the simulated processes see it. It flushes every write (a
 * line printed by zoneadm must reach the console at once), turns LF into CRLF when the session
 * has a pty (the onlcr a real terminal applies), and once the channel is gone turns every write
 * into {@link BrokenPipeException}: the simulated SIGPIPE that ends a process at its next write.
 *
 * <p>It also counts the simulated processes that hold it as stdout or stderr ({@link #open()}),
 * as the kernel counts the writers of sshd's pipe: when the last one lets go (it ended, or it
 * exec'd with its output redirected elsewhere) the session learns it through
 * {@link #whenReleased(Runnable)} and can send the channel's EOF, as sshd does.
 */
public final class ChannelSink extends OutputStream {
    private final OutputStream channel;
    private final boolean onlcr;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean broken;
    private final AtomicInteger holders = new AtomicInteger();
    private volatile Runnable onReleased = () -> { };

    public ChannelSink(OutputStream channel, boolean onlcr) {
        this.channel = channel;
        this.onlcr = onlcr;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (broken) {
            throw new BrokenPipeException("Broken pipe");
        }
        lock.lock();
        try {
            if (onlcr) {
                int start = off;
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        channel.write(b, start, i - start);
                        channel.write('\r');
                        channel.write('\n');
                        start = i + 1;
                    }
                }
                channel.write(b, start, off + len - start);
            } else {
                channel.write(b, off, len);
            }
            channel.flush();
        } catch (InterruptedIOException e) {
            // a signal arrived while the client's window was full: the channel itself is fine
            throw e;
        } catch (IOException e) {
            broken = true;
            throw new BrokenPipeException("Broken pipe: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes bytes exactly as given (prompt and echo, which must not get onlcr twice). Echo gives
     * up after a moment when a process holds the channel blocked on a full window: the terminal
     * reader must stay free to turn the next 0x03 into SIGINT.
     */
    public void writeRaw(byte[] b) {
        if (broken) {
            return;
        }
        try {
            if (!lock.tryLock(200, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            channel.write(b);
            channel.flush();
        } catch (IOException e) {
            broken = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        // every write is flushed already
    }

    /**
     * One more process holds this output (a descriptor of its stdout or stderr); closing the
     * result, once, lets go of it. Holding it twice (stdout and stderr the same sink) is fine.
     */
    public Closeable open() {
        holders.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true) && holders.decrementAndGet() == 0) {
                onReleased.run();
            }
        };
    }

    /** How many processes hold this output now. */
    public int holders() {
        return holders.get();
    }

    /** Runs {@code action} each time the last holder lets go. */
    public void whenReleased(Runnable action) {
        this.onReleased = action;
    }

    /** The channel is gone: from now on writes fail as writes to a dead pipe. */
    public void markBroken() {
        broken = true;
    }

    public boolean isBroken() {
        return broken;
    }

    @Override
    public void close() {
        // the SSH layer owns the channel; processes closing their stdout must not close it
    }
}
