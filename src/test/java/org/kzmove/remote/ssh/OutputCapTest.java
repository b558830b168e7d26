package org.kzmove.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.remote.RemoteException;
import org.kzmove.testsupport.LiveHost;

/** A host that prints without end cannot exhaust kzmove's memory: one command's output is capped. */
class OutputCapTest {
    @TempDir
    Path dir;
    LiveHost live;

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void endlessOutputEndsInAClearErrorAndTheConnectionStaysUsable() throws Exception {
        live = LiveHost.scenario(dir, "test-host");
        byte[] chunk = "y\n".repeat(32 * 1024).getBytes();
        live.host.server().registry().register("/usr/bin/yes", inv -> {
            while (!inv.stdout().checkError()) {
                inv.stdout().write(chunk, 0, chunk.length);
            }
            return 141;
        });
        try (SshConnection c = live.connect("kzadmin")) {
            assertThatThrownBy(() -> c.run("yes")).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("'yes' on ").hasMessageContaining("printed more than 32 MiB")
                    .satisfies(e -> assertThat(((RemoteException) e).reason())
                            .isEqualTo(RemoteException.Reason.OUTPUT_TOO_LARGE));
            assertThat(c.run("echo still here").stdout()).isEqualTo("still here\n");
        }
    }
}
