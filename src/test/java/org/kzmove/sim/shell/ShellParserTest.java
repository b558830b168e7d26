package org.kzmove.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.sim.shell.ShellSyntax.Item;
import org.kzmove.sim.shell.ShellSyntax.Redirect;
import org.kzmove.sim.shell.ShellSyntax.RedirectOp;
import org.kzmove.sim.shell.ShellSyntax.Script;
import org.kzmove.sim.shell.ShellSyntax.SimpleCommand;
import org.kzmove.sim.shell.ShellSyntax.SyntaxError;

class ShellParserTest {

    @Test
    void theConsolesDetachedStartParsesIntoTwoItemsTheFirstInBackground() throws Exception {
        Script s = ShellParser.parse(
                "nohup pfexec zoneadm -z kz1 move -v -p URI > /var/tmp/kzmove/jobs/J.out 2>&1 < /dev/null & echo $!");
        assertThat(s.items()).hasSize(2);
        Item job = s.items().get(0);
        assertThat(job.background()).isTrue();
        SimpleCommand c = job.andOr().pipelines().get(0).commands().get(0);
        assertThat(c.words()).extracting(ShellSyntax.Word::plain)
                .containsExactly("nohup", "pfexec", "zoneadm", "-z", "kz1", "move", "-v", "-p", "URI");
        assertThat(c.redirects()).containsExactly(
                new Redirect(1, RedirectOp.OUT, c.redirects().get(0).target(), -1),
                new Redirect(2, RedirectOp.DUP_OUT, null, 1),
                new Redirect(0, RedirectOp.IN, c.redirects().get(2).target(), -1));
        assertThat(s.items().get(1).background()).isFalse();
    }

    @Test
    void andOrListsKeepTheirOperators() throws Exception {
        var andOr = ShellParser.parse("a && b || c").items().get(0).andOr();
        assertThat(andOr.pipelines()).hasSize(3);
        assertThat(andOr.operators()).containsExactly("&&", "||");
    }

    @Test
    void pipelinesAndQuotedSeparators() throws Exception {
        assertThat(ShellParser.parse("a | b | c").items().get(0).andOr().pipelines().get(0).commands()).hasSize(3);
        assertThat(ShellParser.parse("echo 'a;b|c&d' ; c").items()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            echo 'it''s'          | its
            echo "a\\"b"          | a"b
            echo a\\ b            | a b
            echo "x$HOME"         | x$HOME
            """)
    void quotesAndEscapesAreRemovedFromWords(String text, String plainSecondWord) throws Exception {
        SimpleCommand c = ShellParser.parse(text).items().get(0).andOr().pipelines().get(0).commands().get(0);
        assertThat(c.words().get(1).plain()).isEqualTo(plainSecondWord);
    }

    @ParameterizedTest
    @ValueSource(strings = {"if true; then echo; fi", "echo $(id)", "echo `id`", "(cd /tmp)", "a ;; b", "echo 'open",
        "| grep x", "echo x >"})
    void unsupportedOrBrokenSyntaxIsRefused(String text) {
        assertThatThrownBy(() -> ShellParser.parse(text)).isInstanceOf(SyntaxError.class)
                .hasMessageStartingWith("syntax error");
    }

    @Test
    void aBadParameterNameIsABadSubstitution() {
        assertThatThrownBy(() -> ShellParser.parse("echo ${a b}")).hasMessage("${a b}: bad substitution");
    }

    @Test
    void commentsAndNewlinesSeparateCommands() throws Exception {
        Script s = ShellParser.parse("echo a # comment\necho b\n");
        assertThat(s.items()).hasSize(2);
    }
}
