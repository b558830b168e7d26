package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.HostKeys;

/**
 * {@code kzmove hosts|zones|check} run in-process against a simulated host over real SSH: a key
 * made by ssh-keygen ({@code -i}), a temporary known_hosts ({@code --known-hosts}) and a
 * temporary configuration directory ({@code -Dkzmove.config.dir}), so the user's own files are
 * never touched.
 */
class HostCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String FREE_64G = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A001";
    static final String SMALL_8G = "iscsi://zfssa02/luname.naa.600144F000000000000000000000A003";

    @TempDir
    static Path dir;
    static SimulatedHost host;
    static CommandAudit audit = new CommandAudit();
    static Path key;
    static String previousConfigDir;

    Path knownHosts;
    String address;

    @BeforeAll
    static void start() throws Exception {
        key = dir.resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kzmove-test", "-f",
                key.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("ssh-keygen").isTrue();
        host = SimulatedHost.start(new SimulatedHost.Options()
                .scenario(Path.of("src/test/resources/scenarios/prechecks.json")).port(0).hostKey(HostKeys.generate())
                .authorizedKeys(AuthorizedKeys.fromFile(Path.of(key + ".pub"))).audit(audit));
        previousConfigDir = System.getProperty("kzmove.config.dir");
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        if (previousConfigDir == null) {
            System.clearProperty("kzmove.config.dir");
        } else {
            System.setProperty("kzmove.config.dir", previousConfigDir);
        }
    }

    @BeforeEach
    void freshConfiguration(@TempDir Path config) {
        System.setProperty("kzmove.config.dir", config.toString());
        knownHosts = config.resolve("test_known_hosts");
        address = "root@127.0.0.1:" + host.port();
    }

    private record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.standard().run(List.of(args), io);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The connection options every host command of these tests takes. */
    private String[] withConnection(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-i", key.toString(), "--known-hosts", knownHosts.toString(), "--accept-new-host-key",
                "--privilege", "none"));
        return all.toArray(String[]::new);
    }

    @Test
    void aDamagedSavedHostIsOneLineTheOthersStillListAndTheFileIsLeftAlone() throws Exception {
        Path file = Path.of(System.getProperty("kzmove.config.dir"), "hosts.json");
        String text = """
                {"hosts": [
                  {"name": "good", "address": "10.0.0.7", "port": 22, "user": "ann", "privilege": "PFEXEC"},
                  {"name": "bad", "address": "10.0.0.8", "port": 70000, "user": "ann", "privilege": "PFEXEC"}
                ]}
                """;
        Files.writeString(file, text);
        String line = file + ": saved host 'bad': port '70000': must be between 1 and 65535";

        Run list = run("hosts", "list");
        assertThat(list.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(list.out()).contains("good", "ann@10.0.0.7").doesNotContain("10.0.0.8");
        assertThat(list.err()).isEqualTo("kzmove hosts: skipped a damaged saved host: " + line + "; left as it is"
                + System.lineSeparator());

        Run zones = run(withConnection("zones", "bad"));
        assertThat(zones.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(zones.err()).isEqualTo("kzmove zones: " + line + "; left as it is" + System.lineSeparator());

        Run add = run("hosts", "add", "other", "ann@10.0.0.9");
        assertThat(add.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(add.err()).isEqualTo("kzmove hosts: " + line + "; fix or remove it first, nothing was changed"
                + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void hostsAreAddedListedAndRemoved() throws Exception {
        Run add = run("hosts", "add", "kz1", "kzadmin@10.0.0.7:2222", "-i", key.toString(), "--privilege", "sudo");
        assertThat(add.status()).isZero();
        assertThat(add.out()).contains("Saved host 'kz1': kzadmin@10.0.0.7:2222, privilege sudo");

        Run list = run("hosts", "list");
        assertThat(list.out()).contains("NAME", "kz1", "kzadmin@10.0.0.7:2222", "sudo", key.toString());

        JsonNode json = run("hosts", "list", "--json").json();
        assertThat(json.at("/hosts/0/name").asText()).isEqualTo("kz1");
        assertThat(json.at("/hosts/0/port").asInt()).isEqualTo(2222);
        assertThat(json.at("/hosts/0/privilege").asText()).isEqualTo("sudo");

        assertThat(run("hosts", "add", "kz1", "10.0.0.8").status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("hosts", "remove", "kz1").status()).isZero();
        assertThat(run("hosts", "remove", "kz1").status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run("hosts", "list").out()).contains("No saved hosts");
    }

    @Test
    void hostileHostProfileIsRefusedAndNothingSaved() {
        Run r = run("hosts", "add", "kz1", "root@$(reboot)");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("host address");
        assertThat(run("hosts", "list").out()).contains("No saved hosts");
    }

    @Test
    void zonesListsDisksAndPoolsAsTextAndRemembersTheNewHostKey() throws Exception {
        Run r = run(withConnection("zones", address));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Solaris 11.4 SRU 48", "ZONE", "MAPPED DEVICE",
                "web01", "running", "solaris-kz", "rpool", "ONLINE", "32G", "c1d0",
                "iscsi://zfssa01/luname.naa.600144F000000000000000000000B001",
                "/dev/dsk/c0t600144F000000000000000000000B001d0", "parked01", "installed", "infra01");
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + host.port());
    }

    /** Every terminal-driving character: C0 except tab and newline, DEL, C1. */
    static boolean drivesATerminal(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f));
    }

    /** A compromised host answers uname -v with a window title, a screen clear, a clipboard write, a C1 CSI and a bare CR. */
    static final String HOSTILE_UNAME = "11.4.48.126.2\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;cm0gLXJmIC8K\u0007"
            + "\u009b2J\rSolaris 11.4 SRU 48";

    @Test
    void hostileUnameReachesNeitherTextNorJsonOutputRaw() throws Exception {
        SimCommand uname = host.server().registry().lookup("uname").orElseThrow();
        host.server().registry().register("uname", inv -> {
            if (inv.argv().contains("-v")) {
                inv.stdout().println(HOSTILE_UNAME);
                return 0;
            }
            return uname.run(inv);
        });
        try {
            Run text = run(withConnection("zones", address));
            Run json = run(withConnection("zones", address, "--json"));

            assertThat(text.status()).as(text.err()).isZero();
            assertThat(text.out()).contains("\\e]0;pwned\\x07\\e[2J\\e]52;c;cm0gLXJmIC8K\\x07\\u009b2J\\x0dSolaris");
            assertThat(drivesATerminal(text.out())).as(text.out()).isFalse();
            assertThat(drivesATerminal(text.err())).as(text.err()).isFalse();
            assertThat(drivesATerminal(json.out())).as(json.out()).isFalse();
            assertThat(json.json().toString()).as("the escaped JSON still parses and means the same").contains("pwned");
        } finally {
            host.server().registry().register("uname", uname);
        }
    }

    @Test
    void zonesAsJson() throws Exception {
        JsonNode json = run(withConnection("zones", address, "--json")).json();

        JsonNode db01 = null;
        for (JsonNode z : json.get("zones")) {
            if (z.get("name").asText().equals("db01")) {
                db01 = z;
            }
        }
        assertThat(db01).isNotNull();
        assertThat(db01.get("state").asText()).isEqualTo("running");
        assertThat(db01.get("brand").asText()).isEqualTo("solaris-kz");
        assertThat(db01.at("/disks/1/disk").asText()).isEqualTo("c1d1");
        assertThat(db01.at("/disks/1/bootPriority").asInt()).isZero();
        assertThat(db01.at("/disks/1/mappedDevice").asText()).isEqualTo("/dev/dsk/c0t600144F000000000000000000000B003d0");
        assertThat(db01.at("/pool/health").asText()).isEqualTo("ONLINE");
        assertThat(db01.at("/pool/disks")).hasSize(2);
        assertThat(db01.at("/pool/sizeBytes").asLong()).isEqualTo(32L << 30);
    }

    @Test
    void savedProfileNameWorksAsHost() {
        assertThat(run("hosts", "add", "sim", address, "-i", key.toString(), "--privilege", "none").status()).isZero();

        Run r = run("zones", "sim", "--known-hosts", knownHosts.toString(), "--accept-new-host-key");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("web01");
    }

    @Test
    void checkPassesAGoodMoveWithExitZero() {
        Run r = run(withConnection("check", address, "web01", "-p", FREE_64G));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("zoneadm -z web01 move -v -p " + FREE_64G, "OK: no problems found");
    }

    @Test
    void checkReportsErrorsWithExitOne() throws Exception {
        Run r = run(withConnection("check", address, "web01", "-p", SMALL_8G, "--json"));

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        JsonNode json = r.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.at("/findings/0/severity").asText()).isEqualTo("ERROR");
        assertThat(json.at("/findings/0/code").asText()).isEqualTo("TARGET_TOO_SMALL");
        assertThat(json.at("/findings/0/subject").asText()).isEqualTo(SMALL_8G);
        assertThat(json.get("roundTrips").asInt()).isEqualTo(3);
    }

    @Test
    void checkTextNamesEachFindingAndItsHint() {
        Run r = run(withConnection("check", address, "web01", "-p", "lu:luname.naa.5000CCA0D80E94C0", "-x", "id=5"));

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.out()).contains("-x id=5", "ERROR TARGET_IN_OTHER_POOL [lu:luname.naa.5000CCA0D80E94C0]",
                "-> Choose another disk, or use -x force-zpool-attach", "1 error(s), 0 warning(s)");
    }

    @Test
    void checkWithForceShowsAWarningAndExitsZero() {
        Run r = run(withConnection("check", address, "web01", "-p", "lu:luname.naa.5000CCA0D80E94C0", "-x",
                "force-zpool-attach"));

        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains("WARNING TARGET_IN_OTHER_POOL_FORCED", "OK with 1 warning(s)");
    }

    @Test
    void badInputExitsTwoAndSendsNothing() {
        int before = audit.texts().size();

        assertThat(run(withConnection("check", address, "web01;reboot", "-p", FREE_64G)).status()).isEqualTo(2);
        Run badUri = run(withConnection("check", address, "web01", "-p", "dev:/dev/zvol/dsk/x;reboot"));
        assertThat(badUri.status()).isEqualTo(2);
        assertThat(badUri.err()).contains("dev:/dev/zvol/dsk/x;reboot").doesNotContain("Exception");
        assertThat(run(withConnection("check", address, "web01")).status()).isEqualTo(2);
        assertThat(run(withConnection("check", address, "web01", "-x", "id=3", "-p", FREE_64G)).status()).isEqualTo(2);
        assertThat(run(withConnection("check", address, "web01", "-p", FREE_64G, "-x", "id=-1")).status()).isEqualTo(2);
        assertThat(run(withConnection("check", address, "web01", "-p", FREE_64G, "-x", "evil")).status()).isEqualTo(2);
        assertThat(run(withConnection("zones", "root@bad_host!")).status()).isEqualTo(2);
        assertThat(run("zones", address, "--privilege", "root").status()).isEqualTo(2);

        assertThat(audit.texts()).hasSize(before);
    }

    @Test
    void unknownHostKeyWithoutTerminalIsRefusedInOneLine() {
        Run r = run("zones", address, "-i", key.toString(), "--known-hosts", knownHosts.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).startsWith("kzmove zones: The host key of [127.0.0.1]:" + host.port())
                .contains(host.hostKeyFingerprint()).doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void changedHostKeyIsRefused() throws Exception {
        Files.writeString(knownHosts, "[127.0.0.1]:" + host.port() + " " + HostKeys.publicKeyLine(HostKeys.generate()) + "\n");

        Run r = run(withConnection("zones", address));

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("has CHANGED");
    }

    @Test
    void unreachableHostIsOneClearLine() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run(withConnection("zones", "root@127.0.0.1:" + port));

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).startsWith("kzmove zones: Cannot connect to 127.0.0.1 port " + port);
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void wrongUserFailsAuthenticationInOneLine() {
        Run r = run(withConnection("zones", "nobody@127.0.0.1:" + host.port()));

        assertThat(r.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("refused the credentials of user 'nobody'");
    }
}
