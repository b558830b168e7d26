package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every remote command is in the audit log as a JSON line, and nothing kzmove writes holds a secret. */
class AuditAndSecretsTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void everyRemoteCommandIsAuditedAsAJsonLine() throws Exception {
        f = new EngineFixture(dir, false);
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        job.result().get(30, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(f.audit.file());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = lines.stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(r.get("host").asText()).isEqualTo("127.0.0.1:" + f.host.port());
            assertThat(r.get("user").asText()).isEqualTo("kzadmin");
            assertThat(r.has("exitStatus")).isTrue();
        });
        String file = "/var/tmp/kzmove-kzadmin/" + job.id().value() + ".out";
        assertThat(records).anySatisfy(r -> assertThat(r.get("command").asText()).isEqualTo("echo $$; exec nohup pfexec "
                + "zoneadm -z mykz move -v -p " + MoveEngineTest.LUN_20G + " > " + file + " 2>&1 < /dev/null"));
        assertThat(records).anySatisfy(r -> assertThat(r.get("command").asText())
                .isEqualTo("mkdir -p -m 700 /var/tmp/kzmove-kzadmin && ls -ld /var/tmp/kzmove-kzadmin"));
        assertThat(records).anySatisfy(r -> assertThat(r.get("command").asText())
                .matches("ps -o pid,args -p \\d+ 2>&1; echo kzmove-end-[0-9a-f]{12} \\$\\?; tail \\+1c " + file));
        assertThat(records).anySatisfy(r -> assertThat(r.get("command").asText()).contains("pfexec zonecfg -z mykz export"));
    }

    @Test
    void noSecretInAnyFileWritten() throws Exception {
        f = new EngineFixture(dir, false);
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        job.result().get(30, TimeUnit.SECONDS);

        byte[] privateKey = f.clientKey.getPrivate().getEncoded();
        List<String> secrets = List.of(Base64.getEncoder().encodeToString(privateKey),
                HexFormat.of().formatHex(privateKey), "PRIVATE KEY", "passphrase", "password");
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).anyMatch(p -> p.toString().endsWith(job.id().value() + ".json"));
            for (Path p : written) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                for (String s : secrets) {
                    assertThat(text).as(p + " must not contain " + s).doesNotContainIgnoringCase(s);
                }
            }
        }
    }
}
