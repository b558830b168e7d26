package org.kzmove.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 between kzmove and a host, which a test can break the ways a network
 * breaks: {@link #cut()} (every connection reset and new ones refused, like a host that went down or
 * a firewall that rejects) and {@link #blackHole()} (connections stay open but nothing gets through,
 * in either direction, and new connections are accepted and then left silent, like a path whose
 * router drops packets). {@link #restore()} mends the link for new connections.
 */
public final class LinkRelay implements AutoCloseable {
    /** What the link does with bytes and connections. */
    public enum Mode {
        FORWARD, CUT, BLACK_HOLE
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    public LinkRelay(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon("relay-accept", this::acceptLoop);
        acceptor.start();
    }

    /** The port kzmove connects to instead of the host's. */
    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** How many connections the relay has accepted so far (attempts to reconnect included). */
    public int accepted() {
        return accepted.get();
    }

    /** Resets every open connection; new ones are closed as soon as they are accepted. */
    public void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    /** Forwards nothing more on the open connections, and leaves new ones silent. */
    public void blackHole() {
        mode = Mode.BLACK_HOLE;
    }

    /** New connections are forwarded again; connections broken meanwhile stay broken, as after a real outage. */
    public void restore() {
        mode = Mode.FORWARD;
        closeAll();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            if (mode == Mode.CUT) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            if (mode == Mode.BLACK_HOLE) {
                daemon("relay-swallow", () -> pump(client, null)).start();
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            sockets.add(upstream);
            daemon("relay-up", () -> pump(client, upstream)).start();
            daemon("relay-down", () -> pump(upstream, client)).start();
        }
    }

    /** Copies {@code from} to {@code to} while the link forwards; swallows what arrives once it does not. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (mode == Mode.FORWARD && out != null) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // reset by cut() or by the other side
        } finally {
            if (mode != Mode.BLACK_HOLE) {
                closeQuietly(from);
                if (to != null) {
                    closeQuietly(to);
                }
            }
        }
    }

    private void closeAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        closeAll();
    }
}
