package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/** pfexec and sudo -n turn into the credentials the simulated commands see. */
class PrivilegesTest {
    @TempDir
    Path dir;
    SimHostFixture host;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
        // "creds" stands in for zoneadm so the Zone Management profile applies to it
        host.registry.register("/usr/sbin/zoneadm", host.registry.lookup("creds").orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    @Test
    void pfexecGrantsRootToZoneManagementCommandsOnly() throws Exception {
        assertThat(host.exec("kzadmin", "zoneadm").out()).isEqualTo("user=kzadmin uid=100 euid=100 via=\n");
        assertThat(host.exec("kzadmin", "pfexec zoneadm").out()).isEqualTo("user=kzadmin uid=100 euid=0 via=pfexec\n");
        assertThat(host.exec("kzadmin", "pfexec /usr/sbin/zoneadm").out()).contains("euid=0");
        assertThat(host.exec("kzadmin", "pfexec creds").out()).isEqualTo("user=kzadmin uid=100 euid=100 via=pfexec\n");
        assertThat(host.exec("kzadmin", "pfexec id").out()).isEqualTo("uid=100(kzadmin) gid=10(staff)\n");
    }

    @Test
    void sudoMakesASudoerRootAndRefusesOthers() throws Exception {
        assertThat(host.exec("kzadmin", "sudo -n zoneadm").out()).isEqualTo("user=kzadmin uid=0 euid=0 via=sudo\n");
        assertThat(host.exec("kzadmin", "sudo -n id").out()).isEqualTo("uid=0(root) gid=0(root)\n");
        Result refused = host.exec("operator1", "sudo -n zoneadm list");
        assertThat(refused.err()).isEqualTo("sudo: a password is required\n");
        assertThat(refused.status()).isEqualTo(1);
    }

    @Test
    void ordinaryUserGetsNoPrivilegesEitherWay() throws Exception {
        assertThat(host.exec("operator1", "pfexec zoneadm").out()).isEqualTo("user=operator1 uid=101 euid=101 via=pfexec\n");
        assertThat(host.exec("operator1", "id; whoami").out()).isEqualTo("uid=101(operator1) gid=10(staff)\noperator1\n");
    }

    @Test
    void pfexecProcessesCanBeSignalledByTheUserButSudoProcessesCannot() throws Exception {
        int viaPfexec = Integer.parseInt(host.exec("kzadmin", "pfexec sleep 1000 > /dev/null & echo $!").out().trim());
        int viaSudo = Integer.parseInt(host.exec("kzadmin", "sudo -n sleep 1000 > /dev/null & echo $!").out().trim());
        // TERM: background jobs of an exec session's sh -c ignore SIGINT
        assertThat(host.exec("kzadmin", "kill -TERM " + viaSudo).err()).isEqualTo("sh: kill: (" + viaSudo + ") - Not owner\n");
        assertThat(host.exec("kzadmin", "kill -TERM " + viaPfexec).status()).isZero();
        assertThat(host.exec("kzadmin", "sudo -n kill -TERM " + viaSudo).status()).isZero();
        Await.until("both ended", () -> host.server.processes().find(viaPfexec).isEmpty()
                && host.server.processes().find(viaSudo).isEmpty());
    }

    @Test
    void idShowsTheEffectiveUidUnderPfexecGrant() throws Exception {
        host.registry.register("/usr/sbin/zonecfg", host.registry.lookup("id").orElseThrow());
        assertThat(host.exec("kzadmin", "pfexec zonecfg").out()).isEqualTo("uid=100(kzadmin) gid=10(staff) euid=0(root)\n");
    }
}
