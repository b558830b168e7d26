package org.kzmove.sim.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * The simulated host's process table: pids, owners, command lines, and signal delivery with the
 * Solaris permission rule. Ended processes leave the table at once (the simulator has no zombies).
 */
public final class SimProcessTable {
    /** Low pids belong to the (absent) system processes; this also makes pids look plausible. */
    public static final int FIRST_PID = 1000;

    private final AtomicInteger nextPid = new AtomicInteger(FIRST_PID);
    private final Map<Integer, SimProcess> processes = new ConcurrentSkipListMap<>();

    /** What {@link #signal} did, mapped by {@code kill} to its messages. */
    public enum SignalResult { DELIVERED, IGNORED, NO_SUCH_PROCESS, NOT_OWNER }

    /**
     * Adds a running process; the caller runs it and then calls {@link #exit(SimProcess, int)}.
     * Like a fork, the child starts with the signals its parent ignores ignored.
     */
    public SimProcess register(int ppid, List<String> argv, Credentials credentials, Instant startTime,
            String sessionId, boolean background, String tty) {
        SimProcess p = new SimProcess(nextPid.getAndIncrement(), ppid, argv, credentials, startTime,
                sessionId, background, tty);
        SimProcess parent = processes.get(ppid);
        if (parent != null) {
            p.inheritIgnored(parent.ignoredSignals());
        }
        processes.put(p.pid(), p);
        return p;
    }

    public void exit(SimProcess process, int status) {
        process.markExited(status);
        processes.remove(process.pid());
    }

    public Optional<SimProcess> find(int pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    /** Running processes in pid order. */
    public List<SimProcess> list() {
        return new ArrayList<>(processes.values());
    }

    public List<SimProcess> ofSession(String sessionId) {
        List<SimProcess> result = new ArrayList<>();
        for (SimProcess p : processes.values()) {
            if (p.sessionId().equals(sessionId)) {
                result.add(p);
            }
        }
        return result;
    }

    /**
     * Sends a signal as {@code sender}, under the rule of Solaris {@code hasprocperm()}: allowed
     * when the sender's real or effective uid equals the target's real or saved uid, or the sender
     * is effectively root. pfexec keeps the real uid, so a user may signal what they started with
     * pfexec; sudo sets the real uid to 0, so they may not signal what they started with sudo.
     */
    public SignalResult signal(int pid, Signal signal, Credentials sender) {
        SimProcess target = processes.get(pid);
        if (target == null || !target.isRunning()) {
            return SignalResult.NO_SUCH_PROCESS;
        }
        if (!maySignal(sender, target.credentials())) {
            return SignalResult.NOT_OWNER;
        }
        return target.deliver(signal) ? SignalResult.DELIVERED : SignalResult.IGNORED;
    }

    public static boolean maySignal(Credentials sender, Credentials target) {
        if (sender.isEffectivelyRoot()) {
            return true;
        }
        int tr = target.uid();
        int ts = target.effectiveUid();
        return sender.uid() == tr || sender.uid() == ts || sender.effectiveUid() == tr || sender.effectiveUid() == ts;
    }
}
