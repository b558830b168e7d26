package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.audit.AuditRecord;

/** Every command line received is recorded exactly, in memory and as JSON lines. */
class AuditTest {
    @TempDir
    Path dir;

    @Test
    void execAndShellLinesAreRecordedWithUserAndSession() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir)) {
            String tricky = "echo 'a  b' \"$HOME\" | grep a ; foo";
            host.exec("kzadmin", tricky);
            try (SSHClient ssh = host.connect("root"); Session s = ssh.startSession()) {
                s.allocateDefaultPTY();
                Session.Shell shell = s.startShell();
                SimHostFixture.Collector out = new SimHostFixture.Collector(shell.getInputStream());
                OutputStream in = shell.getOutputStream();
                Await.until("prompt", () -> out.contains("# "));
                SimHostFixture.type(in, "uname -v\r");
                Await.until("output", () -> out.contains("11.4.48.126.2\r\n"));
            }
            List<AuditRecord> records = host.audit.records();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).text()).isEqualTo(tricky);
            assertThat(records.get(0).user()).isEqualTo("kzadmin");
            assertThat(records.get(0).channel()).isEqualTo("exec");
            assertThat(records.get(0).time()).isEqualTo(SimHostFixture.T0);
            assertThat(records.get(1)).extracting(AuditRecord::user, AuditRecord::channel, AuditRecord::text)
                    .containsExactly("root", "shell", "uname -v");
            assertThat(records.get(0).session()).isNotEqualTo(records.get(1).session());
        }
    }

    @Test
    void auditFileHoldsOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("audit/commands.jsonl");
        Path key = dir.resolve("k");
        SimHostFixture.sshKeygen(key);
        try (SimServer server = SimServer.builder().auditFile(file).authorizedKeysFile(Path.of(key + ".pub")).build()) {
            server.start();
            Path kh = dir.resolve("kh");
            Files.writeString(kh, server.knownHostsLine() + "\n");
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(new net.schmizz.sshj.transport.verification.OpenSSHKnownHosts(kh.toFile()));
                ssh.connect("127.0.0.1", server.port());
                ssh.authPublickey("kzadmin", ssh.loadKeys(key.toString()));
                SimHostFixture.exec(ssh, "echo \"quoted\" && id");
                SimHostFixture.exec(ssh, "zoneadm list -cv");
            }
            assertThat(server.audit().texts()).containsExactly("echo \"quoted\" && id", "zoneadm list -cv");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("text").asText()).isEqualTo("echo \"quoted\" && id");
        assertThat(first.get("user").asText()).isEqualTo("kzadmin");
        assertThat(first.get("session").asText()).startsWith("s1.");
        assertThat(first.get("time").asText()).endsWith("Z");
    }
}
