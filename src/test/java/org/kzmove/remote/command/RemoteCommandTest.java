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
    void detachedScriptRedirectsEverythingAndEchoesThePid() throws InvalidValueException {
        RemoteCommand move = RemoteCommand.of(Program.ZONEADM, Privilege.PFEXEC).flag("-z").zone("kz1").word("move")
                .flag("-v").flag("-p").storageUri("dev:/dev/zvol/dsk/rpool/kz1/disk1").build();
        assertThat(RemoteScript.detached(move, "/var/tmp/kzmove/jobs/j1.out").line()).isEqualTo(
                "nohup pfexec zoneadm -z kz1 move -v -p dev:/dev/zvol/dsk/rpool/kz1/disk1 "
                        + "> /var/tmp/kzmove/jobs/j1.out 2>&1 < /dev/null & echo $!");
        assertThatThrownBy(() -> RemoteScript.detached(move, "/var/tmp/j;reboot")).isInstanceOf(InvalidValueException.class);
    }
}
