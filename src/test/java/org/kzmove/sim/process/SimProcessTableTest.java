package org.kzmove.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.process.SimProcessTable.SignalResult;

class SimProcessTableTest {
    private static final Credentials ADMIN = new Credentials("kzadmin", 100, 100, Set.of(), "");
    private static final Credentials ADMIN_PFEXEC = new Credentials("kzadmin", 100, 0, Set.of(), "pfexec");
    private static final Credentials ADMIN_SUDO = new Credentials("kzadmin", 0, 0, Set.of(), "sudo");
    private static final Credentials OTHER = new Credentials("operator1", 101, 101, Set.of(), "");

    private final SimProcessTable table = new SimProcessTable();

    private SimProcess spawn(Credentials c) {
        return table.register(1, List.of("zoneadm"), c, Instant.EPOCH, "s1.0", true, "?");
    }

    @Test
    void pidsStartAtAThousandAndIncrease() {
        assertThat(spawn(ADMIN).pid()).isEqualTo(SimProcessTable.FIRST_PID);
        assertThat(spawn(ADMIN).pid()).isEqualTo(SimProcessTable.FIRST_PID + 1);
    }

    @Test
    void theUserMaySignalWhatTheyStartedWithPfexecButNotWithSudo() {
        SimProcess viaPfexec = spawn(ADMIN_PFEXEC);
        SimProcess viaSudo = spawn(ADMIN_SUDO);
        assertThat(table.signal(viaPfexec.pid(), Signal.INT, ADMIN)).isEqualTo(SignalResult.DELIVERED);
        assertThat(table.signal(viaSudo.pid(), Signal.INT, ADMIN)).isEqualTo(SignalResult.NOT_OWNER);
        assertThat(table.signal(viaSudo.pid(), Signal.INT, ADMIN_PFEXEC)).isEqualTo(SignalResult.DELIVERED);
        assertThat(table.signal(viaPfexec.pid(), Signal.INT, OTHER)).isEqualTo(SignalResult.NOT_OWNER);
    }

    @Test
    void endedProcessesLeaveTheTableAndCannotBeSignalled() {
        SimProcess p = spawn(ADMIN);
        table.exit(p, 0);
        assertThat(table.find(p.pid())).isEmpty();
        assertThat(table.signal(p.pid(), Signal.INT, ADMIN)).isEqualTo(SignalResult.NO_SUCH_PROCESS);
        assertThat(p.deliver(Signal.INT)).isFalse();
    }

    @Test
    void nohupIgnoresHangupsButNotKill() {
        SimProcess p = spawn(ADMIN);
        p.ignore(Signal.HUP);
        p.ignore(Signal.KILL);
        assertThat(table.signal(p.pid(), Signal.HUP, ADMIN)).isEqualTo(SignalResult.IGNORED);
        assertThat(p.mailbox().hasPending()).isFalse();
        assertThat(table.signal(p.pid(), Signal.KILL, ADMIN)).isEqualTo(SignalResult.DELIVERED);
        assertThat(p.mailbox().take()).contains(Signal.KILL);
    }
}
