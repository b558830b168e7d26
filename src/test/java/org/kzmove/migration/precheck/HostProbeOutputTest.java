package org.kzmove.migration.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostProbeOutputTest {

    @Test
    void iostatSizeIsReadFromTheBytesInAngleBrackets() {
        String out = "c0t600144F0d0 Soft Errors: 0 Hard Errors: 0 Transport Errors: 0\n"
                + "Vendor: SUN      Product: ZFS Storage 7420 Revision: 1.0  Serial No:  \n"
                + "Size: 68.72GB <68719476736 bytes>\n";
        assertThat(HostProbeOutput.iostatSize(out)).hasValue(68719476736L);
        assertThat(HostProbeOutput.iostatSize("iostat: c0t1d0: no such device")).isEmpty();
    }

    @Test
    void zdbLabelNamesThePool() {
        assertThat(HostProbeOutput.labelledPool("LABEL 0\n    version: 44\n    name: 'oldpool'\n")).hasValue("oldpool");
        assertThat(HostProbeOutput.labelledPool("LABEL 0\nfailed to unpack label 0\n")).isEmpty();
        assertThat(HostProbeOutput.labelsReadable("LABEL 0\nfailed to unpack label 0\n")).isTrue();
        assertThat(HostProbeOutput.labelsReadable("cannot open '/dev/dsk/x': Permission denied")).isFalse();
    }

    @Test
    void movesAreFoundHoweverElevatedAndOnlyForTheZone() {
        String ps = "  PID ARGS\n"
                + "  811 sudo -n zoneadm -z web01 move -p lu:luname.naa.5000CCA0\n"
                + "  812 pfexec zoneadm -z web01 move -v -p iscsi://a/luname.naa.600144F0AA\n"
                + "  813 /usr/sbin/zoneadm -z web01 move -p lu:luname.naa.5000CCA0\n"
                + "  814 zoneadm -z web011 move -p lu:luname.naa.5000CCA0\n"
                + "  815 zoneadm -z web01 list\n"
                + "  816 grep zoneadm -z web01 move\n";
        assertThat(org.kzmove.migration.job.RunningMoves.of(ps, "web01")).extracting(org.kzmove.migration.job.RunningMoves.Process::pid)
                .containsExactly(811, 812, 813);
    }
}
