package org.kzmove.sim.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryFileSystemTest {
    private final InMemoryFileSystem fs = new InMemoryFileSystem();

    @Test
    void appendsAndReadsFilesUnderCreatedDirectories() throws Exception {
        fs.mkdirs("/var/log/zones");
        fs.append("/var/log/zones/a.move", "one\n".getBytes(UTF_8));
        fs.append("/var/log/zones/a.move", "two\n".getBytes(UTF_8));
        assertThat(new String(fs.read("/var/log/zones/a.move").orElseThrow(), UTF_8)).isEqualTo("one\ntwo\n");
        assertThat(fs.list("/var/log")).containsExactly("zones");
        assertThat(fs.list("/var/log/zones")).containsExactly("a.move");
        assertThat(fs.size("/var/log/zones/a.move")).isEqualTo(8);
    }

    @Test
    void refusesFilesInMissingDirectoriesAndNonEmptyDirectoryRemoval() throws Exception {
        assertThatThrownBy(() -> fs.write("/nope/x", new byte[0])).hasMessage("/nope/x: No such file or directory");
        fs.mkdirs("/a/b");
        assertThatThrownBy(() -> fs.delete("/a")).hasMessage("/a: Directory not empty");
        fs.delete("/a/b");
        fs.delete("/a");
        assertThat(fs.exists("/a")).isFalse();
    }
}
