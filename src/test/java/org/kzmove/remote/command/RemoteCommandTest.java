package org.kzmove.remote.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.InvalidValueException;

class RemoteCommandTest {

    @Test
    void buildsAPfexecZoneadmMove() throws InvalidValueException {
        RemoteCommand move = RemoteCommand.of(Program.ZONEADM, Privilege.PFEXEC)
                .flag("-z").zone("lsm").word("move").flag("-v")
                .flag("-p").storageUri("iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002")
                .flag("-x").word("force-zpool-attach")
                .build();
        assertThat(move.toShellLine()).isEqualTo("pfexec zoneadm -z lsm move -v -p "
                + "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002 -x force-zpool-attach");
    }

    @Test
    void quotesIpv6UrisBecauseBracketsAreGlobCharacters() throws InvalidValueException {
        RemoteCommand c = RemoteCommand.of(Program.SURIADM, Privilege.SUDO).word("parse")
                .storageUri("iscsi://[::1]/luname.naa.600144f03d70c80000004ea57da10001").build();
        assertThat(c.toShellLine()).isEqualTo("sudo -n suriadm parse 'iscsi://[::1]/luname.naa.600144f03d70c80000004ea57da10001'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz;reboot", "kz$(id)", "kz`id`", "kz'x", "kz\nreboot", "kz zone", "-z", "", "kz|sh"})
    void refusesHostileZoneNames(String zone) {
        assertThatThrownBy(() -> RemoteCommand.of(Program.ZONEADM, Privilege.NONE).flag("-z").zone(zone))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev:/dev/zvol/dsk/rpool/x;reboot", "iscsi://h/luname.naa.600144F0DBF8AF1900005FD25DFC0002 -x",
            "dev:$(reboot)", "nfs://a:b@h/p\n", "file:///tmp/`id`"})
    void refusesHostileUris(String uri) {
        assertThatThrownBy(() -> RemoteCommand.of(Program.ZONEADM, Privilege.NONE).storageUri(uri))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/path", "/var/tmp/../etc/shadow", "/var/tmp/a b", "/var/tmp/$HOME", "/tmp/x;y", ""})
    void refusesUnsafePaths(String path) {
        assertThatThrownBy(() -> RemoteCommand.of(Program.TAIL, Privilege.NONE).path(path))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-z;", "--", "-", "x", "-1"})
    void refusesWhatIsNotAPlainOption(String flag) {
        assertThatThrownBy(() -> RemoteCommand.of(Program.ZONEADM, Privilege.NONE).flag(flag))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void quotingNeutralisesEverySpecialCharacter() {
        assertThat(ShellQuoting.quote("a'b")).isEqualTo("'a'\\''b'");
        assertThat(ShellQuoting.quote("$(x) `y` *")).isEqualTo("'$(x) `y` *'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.quote("dev:/dev/zvol/dsk/rpool/a")).isEqualTo("dev:/dev/zvol/dsk/rpool/a");
    }

    @Test
    void foregroundExecPrintsTheShellsPidThenBecomesTheCommandWithEverythingRedirected() throws InvalidValueException {
        RemoteCommand move = RemoteCommand.of(Program.ZONEADM, Privilege.PFEXEC).flag("-z").zone("kz1").word("move")
                .flag("-v").flag("-p").storageUri("dev:/dev/zvol/dsk/rpool/kz1/disk1").build();
        assertThat(RemoteScript.foregroundExec(move, "/var/tmp/kzmove-kzadmin/j1.out").line()).isEqualTo(
                "echo $$; exec nohup pfexec zoneadm -z kz1 move -v -p dev:/dev/zvol/dsk/rpool/kz1/disk1 "
                        + "> /var/tmp/kzmove-kzadmin/j1.out 2>&1 < /dev/null");
        assertThatThrownBy(() -> RemoteScript.foregroundExec(move, "/var/tmp/j;reboot"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void bytePositionsUseTheLegacyFormEverySolarisTailAccepts() throws InvalidValueException {
        assertThat(RemoteCommand.of(Program.TAIL, Privilege.NONE).fromByte(1).path("/var/tmp/f").build().toShellLine())
                .isEqualTo("tail +1c /var/tmp/f");
        assertThatThrownBy(() -> RemoteCommand.of(Program.TAIL, Privilege.NONE).fromByte(0))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void probeThenReadSplitsAtItsMarkerAndKeepsAPartialLastLine() throws InvalidValueException {
        RemoteCommand ps = RemoteCommand.of(Program.PS, Privilege.NONE).flag("-o").word("pid,args").flag("-p").number(42).build();
        RemoteCommand tail = RemoteCommand.of(Program.TAIL, Privilege.NONE).fromByte(7).path("/var/tmp/f").build();
        assertThat(RemoteScript.probeThenRead("kzmove-end-1", ps, tail).line())
                .isEqualTo("ps -o pid,args -p 42 2>&1; echo kzmove-end-1 $?; tail +7c /var/tmp/f");

        ProbeThenRead split = ProbeThenRead.split("  PID COMMAND\n   42 zoneadm -z kz1 move\nkzmove-end-1 0\nline\npart",
                "kzmove-end-1").orElseThrow();
        assertThat(split.probeOutput()).isEqualTo("  PID COMMAND\n   42 zoneadm -z kz1 move\n");
        assertThat(split.probeStatus()).isZero();
        assertThat(split.readOutput()).isEqualTo("line\npart");
        assertThat(ProbeThenRead.split("  PID COMMAND\n", "kzmove-end-1")).isEmpty();
    }
}
