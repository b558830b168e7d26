package org.kzmove.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kzmove.sim.command.BrokenPipeException;

class PipeTest {
    @Test
    void theReaderSeesEndOfFileAfterTheWriterCloses() throws Exception {
        Pipe p = new Pipe();
        p.sink().write("abc".getBytes(StandardCharsets.UTF_8));
        p.sink().close();
        assertThat(new String(p.source().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void theWriterGetsABrokenPipeOnceTheReaderHasGone() throws Exception {
        Pipe p = new Pipe();
        p.source().close();
        assertThatThrownBy(() -> p.sink().write(1)).isInstanceOf(BrokenPipeException.class);
    }

    @Test
    void aChannelSinkAddsCarriageReturnsUnderAPtyAndBreaksWhenTheChannelIsGone() throws Exception {
        java.io.ByteArrayOutputStream channel = new java.io.ByteArrayOutputStream();
        ChannelSink sink = new ChannelSink(channel, true);
        sink.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
        assertThat(channel.toString(StandardCharsets.UTF_8)).isEqualTo("a\r\nb\r\n");
        sink.markBroken();
        assertThatThrownBy(() -> sink.write('x')).isInstanceOf(BrokenPipeException.class);
    }
}
