package org.kzmove.realsshd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.command.BrokenPipeException;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SimProcess;
import org.kzmove.sim.shell.HostServices;
import org.kzmove.sim.shell.RightsProfiles;
import org.kzmove.sim.shell.ShellSession;
import org.kzmove.sim.shell.SimInvocation;
import org.kzmove.sim.shell.SimUser;
import org.tinylog.Logger;

/**
 * The other end of the relay stand-ins ({@code src/test/resources/realsshd/relay-standin}): a
 * loopback server in the test JVM that runs one command of the simulated host per connection, as a
 * process of its process table, with the clock, files and signal mailbox the simulator's own shell
 * would give it.
 *
 * <p>Protocol: frames of one type byte, a 4-byte big-endian length and the payload. The stand-in
 * sends {@code H} (JSON hello: token, user, uid, pfexec, argv, pid), then {@code S} (a signal
 * name) whenever it catches INT/TERM/HUP, and {@code I}/{@code i} (stdin bytes, stdin end) once
 * asked; the relay sends {@code O}/{@code E} (stdout/stderr bytes, in the order written),
 * {@code W} (the command reads its stdin) and a last {@code X} ({@code exit N} or
 * {@code signal NAME}). A stand-in that disappears (killed) has its simulated process killed too.
 *
 * <p>Every Unix test user acts as the simulated host's {@code kzadmin} (uid, "Zone Management"
 * profile); through the pfexec stand-in, a command its profiles grant runs with effective uid 0,
 * as the simulator's own shell decides it.
 */
final class SimRelay implements AutoCloseable {
    /** One command the relay ran: who, how elevated, what. */
    record Call(String user, boolean pfexec, List<String> argv, int simPid) {
        String line() {
            return String.join(" ", argv);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedHost host;
    private final SimUser actsAs;
    private final String token;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean closed;

    SimRelay(SimulatedHost host, String actsAsUser) throws IOException {
        this.host = host;
        this.actsAs = host.users().stream().filter(u -> u.name().equals(actsAsUser)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scenario has no user " + actsAsUser));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    /** What the stand-ins read from {@code relay.conf}: address, port, token. */
    String config() {
        return "127.0.0.1 " + server.getLocalPort() + " " + token + "\n";
    }

    /** Every command run so far, in order of arrival. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    Logger.warn("relay accept failed: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Frames out = new Frames(socket.getOutputStream());
            Frame hello = Frame.read(in);
            if (hello == null || hello.type != 'H') {
                return;
            }
            JsonNode h = JSON.readTree(hello.payload);
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                    h.path("token").asText().getBytes(StandardCharsets.US_ASCII))) {
                Logger.warn("relay: refused a connection with a wrong token");
                return;
            }
            List<String> argv = new ArrayList<>();
            h.path("argv").forEach(a -> argv.add(a.asText()));
            run(h.path("user").asText(), h.path("pfexec").asBoolean(), argv, in, out);
        } catch (IOException e) {
            Logger.debug("relay connection ended: {}", e.getMessage());
        } finally {
            open.remove(socket);
        }
    }

    private void run(String unixUser, boolean pfexec, List<String> argv, DataInputStream in, Frames out)
            throws IOException {
        HostServices services = host.server().host();
        String name = argv.get(0);
        Optional<SimCommand> command = services.registry().lookup(name);
        if (command.isEmpty()) {
            out.write('E', (name + ": not a command of the simulated host\n").getBytes(StandardCharsets.UTF_8));
            out.write('X', "exit 127".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        boolean granted = pfexec && RightsProfiles.grantsRoot(actsAs.profiles(), name);
        Credentials creds = new Credentials(unixUser, actsAs.uid(), granted ? 0 : actsAs.uid(), actsAs.profiles(),
                pfexec ? "pfexec" : "");
        SimProcess p = services.processes().register(1, argv, creds, services.clock().now(),
                "relay-" + sessions.incrementAndGet(), true, "?");
        calls.add(new Call(unixUser, pfexec, List.copyOf(argv), p.pid()));
        Map<String, String> env = ShellSession.loginEnvironment(actsAs, services.hostname(), null);
        StdinFromStandIn stdin = new StdinFromStandIn(out);
        SimInvocation inv = new SimInvocation(argv, stdin, out.stream('O'), out.stream('E'), creds, env, actsAs.home(),
                services, p, false);
        // The stand-in's frames (stdin, signals, its end) are read beside the running command.
        threads.execute(() -> readStandIn(in, p, stdin));
        p.mailbox().bindToCurrentThread();
        String end;
        int status;
        try {
            status = command.get().run(inv);
            end = "exit " + status;
        } catch (InterruptedException e) {
            Signal s = p.lastSignal().orElse(Signal.INT);
            status = 128 + s.number();
            end = "signal " + s.name();
        } catch (BrokenPipeException e) {
            status = 128 + Signal.PIPE.number();
            end = "signal PIPE";
        } catch (RuntimeException e) {
            Logger.error(e, "relayed command {} failed", argv);
            status = 1;
            end = "exit 1";
        } finally {
            inv.stdout().flush();
            inv.stderr().flush();
        }
        services.processes().exit(p, status);
        Thread.interrupted();
        out.write('X', end.getBytes(StandardCharsets.US_ASCII));
    }

    private static void readStandIn(DataInputStream in, SimProcess p, StdinFromStandIn stdin) {
        try {
            for (Frame f = Frame.read(in); f != null; f = Frame.read(in)) {
                switch (f.type) {
                    case 'I' -> stdin.feed(f.payload);
                    case 'i' -> stdin.end();
                    case 'S' -> Signal.parse(new String(f.payload, StandardCharsets.US_ASCII)).ifPresent(p::deliver);
                    default -> Logger.warn("relay: unexpected frame {}", f.type);
                }
            }
        } catch (IOException e) {
            Logger.debug("relay: stand-in stream ended: {}", e.getMessage());
        }
        stdin.end();
        // The stand-in is gone (killed, or it exited after X): what still runs dies with it.
        if (p.isRunning()) {
            p.deliver(Signal.KILL);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }

    private record Frame(char type, byte[] payload) {
        static Frame read(DataInputStream in) throws IOException {
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException e) {
                return null;
            }
            int length = in.readInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame((char) type, payload);
        }
    }

    /** The relay's side of the socket: whole frames, one writer at a time, in the order written. */
    private static final class Frames {
        private final DataOutputStream out;

        Frames(OutputStream socketOut) {
            this.out = new DataOutputStream(socketOut);
        }

        synchronized void write(char type, byte[] payload) throws IOException {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }

        /** A stream of {@code type} frames; a dead stand-in is the simulated SIGPIPE. */
        OutputStream stream(char type) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    byte[] copy = new byte[len];
                    System.arraycopy(b, off, copy, 0, len);
                    try {
                        Frames.this.write(type, copy);
                    } catch (IOException e) {
                        throw new BrokenPipeException("the stand-in is gone: " + e.getMessage());
                    }
                }
            };
        }
    }

    /** The command's stdin: asked of the stand-in on the first read only, as a real program reads when it wants. */
    private static final class StdinFromStandIn extends InputStream {
        private final Frames out;
        private final PipedOutputStream sink = new PipedOutputStream();
        private final PipedInputStream source;
        private boolean asked;

        StdinFromStandIn(Frames out) throws IOException {
            this.out = out;
            this.source = new PipedInputStream(sink, 65536);
        }

        private synchronized void ask() throws IOException {
            if (!asked) {
                asked = true;
                out.write('W', new byte[0]);
            }
        }

        void feed(byte[] data) throws IOException {
            sink.write(data);
            sink.flush();
        }

        void end() {
            try {
                sink.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public int read() throws IOException {
            ask();
            return source.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ask();
            return source.read(b, off, len);
        }
    }
}
