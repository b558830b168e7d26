package org.kzmove.migration.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The job directory's checks and the reading of a look, on the texts Solaris' ls and ps print. */
class HostJobFilesTest {
    private final HostJobFiles files = HostJobFiles.forUser("kzadmin");

    @Test
    void eachUserHasADirectoryOfTheirOwnUnderVarTmp() {
        assertThat(files.dir()).isEqualTo("/var/tmp/kzmove-kzadmin");
        assertThat(HostJobFiles.forUser("kzadmin2").dir()).isEqualTo("/var/tmp/kzmove-kzadmin2");
        assertThat(files.prepareDirectory().line())
                .isEqualTo("mkdir -p -m 700 /var/tmp/kzmove-kzadmin && ls -ld /var/tmp/kzmove-kzadmin");
        assertThatThrownBy(() -> HostJobFiles.forUser("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostJobFiles.forUser("x;reboot")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrivateDirectoryOfTheUserIsAccepted() {
        assertThat(files.directoryProblem(
                "drwx------   2 kzadmin  staff          3 Dec  6 02:35 /var/tmp/kzmove-kzadmin\n")).isEmpty();
        // An ACL mark after the mode and a group-readable directory are fine too.
        assertThat(files.directoryProblem(
                "drwxr-x---+  2 kzadmin  staff          3 Dec  6 02:35 /var/tmp/kzmove-kzadmin\n")).isEmpty();
    }

    @Test
    void aDirectoryOfSomeoneElseOrWritableByOthersOrNotADirectoryIsRefusedWithTheReason() {
        assertThat(files.directoryProblem("drwx------   2 mallory  staff   3 Dec  6 02:35 /var/tmp/kzmove-kzadmin"))
                .hasValueSatisfying(p -> assertThat(p).contains("belongs to mallory, not to kzadmin"));
        assertThat(files.directoryProblem("drwxrwxrwx   2 kzadmin  staff   3 Dec  6 02:35 /var/tmp/kzmove-kzadmin"))
                .hasValueSatisfying(p -> assertThat(p).contains("can be written by others").contains("chmod 700"));
        assertThat(files.directoryProblem("lrwxrwxrwx   1 kzadmin  staff   4 Dec  6 02:35 /var/tmp/kzmove-kzadmin -> /etc"))
                .hasValueSatisfying(p -> assertThat(p).contains("is not a directory"));
        assertThat(files.directoryProblem("")).hasValueSatisfying(p -> assertThat(p).contains("cannot read"));
    }

    @Test
    void aLookReadsPsThenTheFileAndKnowsZoneadmFromAReusedPid() {
        String marker = "kzmove-end-0a0b0c0d0e0f";
        assertThat(HostJobFiles.poll("/var/tmp/kzmove-kzadmin/j.out", 0, 4242L, marker).line()).isEqualTo(
                "ps -o pid,args -p 4242 2>&1; echo " + marker + " $?; tail +1c /var/tmp/kzmove-kzadmin/j.out");
        assertThat(HostJobFiles.poll("/var/tmp/kzmove-kzadmin/j.out", 99, null, marker).line())
                .isEqualTo("tail +100c /var/tmp/kzmove-kzadmin/j.out");

        Optional<HostJobFiles.Look> alive = HostJobFiles.look("  PID COMMAND\n 4242 zoneadm -z web01 move -v -p dev:x\n"
                + marker + " 0\nChecking\npart", marker, 4242);
        assertThat(alive).hasValueSatisfying(l -> {
            assertThat(l.zoneadm()).contains(true);
            assertThat(l.text()).isEqualTo("Checking\npart");
        });
        assertThat(HostJobFiles.look("  PID COMMAND\n" + marker + " 1\nlast line\n", marker, 4242))
                .hasValueSatisfying(l -> assertThat(l.zoneadm()).contains(false));
        assertThat(HostJobFiles.look("  PID COMMAND\n 4242 /usr/bin/bash\n" + marker + " 0\n", marker, 4242))
                .hasValueSatisfying(l -> assertThat(l.zoneadm()).contains(false));
        assertThat(HostJobFiles.look("ps: illegal option -- o\n" + marker + " 1\n", marker, 4242))
                .hasValueSatisfying(l -> assertThat(l.zoneadm()).isEmpty());
        assertThat(HostJobFiles.look("  PID COMMAND\n 4242 zoneadm", marker, 4242)).isEmpty();
    }
}
