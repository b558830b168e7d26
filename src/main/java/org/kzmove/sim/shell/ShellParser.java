package org.kzmove.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kzmove.sim.shell.ShellSyntax.AndOr;
import org.kzmove.sim.shell.ShellSyntax.Item;
import org.kzmove.sim.shell.ShellSyntax.Literal;
import org.kzmove.sim.shell.ShellSyntax.Parameter;
import org.kzmove.sim.shell.ShellSyntax.Part;
import org.kzmove.sim.shell.ShellSyntax.Pipeline;
import org.kzmove.sim.shell.ShellSyntax.Redirect;
import org.kzmove.sim.shell.ShellSyntax.RedirectOp;
import org.kzmove.sim.shell.ShellSyntax.Script;
import org.kzmove.sim.shell.ShellSyntax.SimpleCommand;
import org.kzmove.sim.shell.ShellSyntax.SyntaxError;
import org.kzmove.sim.shell.ShellSyntax.Word;

/**
 * A recursive-descent parser for the documented sh subset: words with quotes and escapes,
 * parameters, {@code ; & && || |}, redirections, comments. Compound commands, command
 * substitution, here-documents and subshells are refused with a syntax error rather than
 * misread.
 */
public final class ShellParser {
    private static final Set<String> UNSUPPORTED_RESERVED = Set.of(
            "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "{", "}", "!",
            "function", "select", "[[");

    private final String src;
    private int pos;

    private ShellParser(String src) {
        this.src = src;
    }

    public static Script parse(String text) throws SyntaxError {
        ShellParser p = new ShellParser(text);
        return p.script();
    }

    private Script script() throws SyntaxError {
        List<Item> items = new ArrayList<>();
        while (true) {
            skipBlanksAndNewlines();
            if (atEnd()) {
                break;
            }
            char c = peek();
            if (c == ';' || c == '&' || c == '|') {
                throw unexpected(c == ';' && peekAt(1) == ';' ? ";;" : String.valueOf(c));
            }
            AndOr andOr = andOr();
            skipBlanks();
            boolean background = false;
            if (!atEnd()) {
                char s = peek();
                if (s == '&') {
                    background = true;
                    pos++;
                } else if (s == ';' || s == '\n') {
                    pos++;
                } else {
                    throw unexpected(String.valueOf(s));
                }
            }
            items.add(new Item(andOr, background));
        }
        return new Script(items);
    }

    private AndOr andOr() throws SyntaxError {
        List<Pipeline> pipelines = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        pipelines.add(pipeline());
        while (true) {
            skipBlanks();
            if (startsWith("&&") || startsWith("||")) {
                ops.add(src.substring(pos, pos + 2));
                pos += 2;
                skipBlanksAndNewlines();
                pipelines.add(pipeline());
            } else {
                return new AndOr(pipelines, ops);
            }
        }
    }

    private Pipeline pipeline() throws SyntaxError {
        List<SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand());
        while (true) {
            skipBlanks();
            if (!atEnd() && peek() == '|' && peekAt(1) != '|') {
                pos++;
                skipBlanksAndNewlines();
                commands.add(simpleCommand());
            } else {
                return new Pipeline(commands);
            }
        }
    }

    private SimpleCommand simpleCommand() throws SyntaxError {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (atEnd()) {
                break;
            }
            char c = peek();
            if (c == ';' || c == '&' || c == '|' || c == '\n') {
                break;
            }
            if (c == '(' || c == ')') {
                throw unexpected(String.valueOf(c));
            }
            if (c == '#' ) {
                skipComment();
                break;
            }
            Redirect r = tryRedirect();
            if (r != null) {
                redirects.add(r);
                continue;
            }
            Word w = word();
            if (words.isEmpty() && w.parts().size() == 1 && w.parts().get(0) instanceof Literal l && !l.quoted()
                    && UNSUPPORTED_RESERVED.contains(l.text())) {
                // INVENTED wording: a real sh runs these; the simulator says plainly it does not
                throw new SyntaxError("syntax error: `" + l.text() + "' is not supported by this shell");
            }
            words.add(w);
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            throw unexpected(atEnd() ? "newline" : String.valueOf(peek()));
        }
        return new SimpleCommand(words, redirects);
    }

    private Redirect tryRedirect() throws SyntaxError {
        int start = pos;
        int fd = -1;
        int i = pos;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i > pos && i < src.length() && (src.charAt(i) == '<' || src.charAt(i) == '>')) {
            fd = Integer.parseInt(src.substring(pos, i));
            pos = i;
        }
        if (atEnd() || (peek() != '<' && peek() != '>')) {
            pos = start;
            return null;
        }
        char c = peek();
        pos++;
        if (c == '<') {
            if (!atEnd() && (peek() == '<' || peek() == '&' || peek() == '>')) {
                throw new SyntaxError("syntax error: `<" + peek() + "' is not supported by this shell");
            }
            return new Redirect(fd < 0 ? 0 : fd, RedirectOp.IN, targetWord(), -1);
        }
        RedirectOp op = RedirectOp.OUT;
        if (!atEnd() && peek() == '>') {
            pos++;
            op = RedirectOp.APPEND;
        } else if (!atEnd() && peek() == '&') {
            pos++;
            int d = pos;
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
            if (d == pos) {
                throw unexpected(atEnd() ? "newline" : String.valueOf(peek()));
            }
            return new Redirect(fd < 0 ? 1 : fd, RedirectOp.DUP_OUT, null, Integer.parseInt(src.substring(d, pos)));
        } else if (!atEnd() && peek() == '|') {
            pos++;
        }
        return new Redirect(fd < 0 ? 1 : fd, op, targetWord(), -1);
    }

    private Word targetWord() throws SyntaxError {
        skipBlanks();
        if (atEnd() || isMeta(peek())) {
            throw unexpected(atEnd() ? "newline" : String.valueOf(peek()));
        }
        return word();
    }

    private Word word() throws SyntaxError {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || isMeta(c)) {
                break;
            }
            if (c == '\'') {
                flush(parts, lit, false);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new SyntaxError("syntax error: unmatched `''");
                }
                parts.add(new Literal(src.substring(pos + 1, end), true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit, false);
                pos++;
                doubleQuoted(parts);
            } else if (c == '\\') {
                pos++;
                if (atEnd()) {
                    lit.append('\\');
                } else if (peek() == '\n') {
                    pos++;
                } else {
                    flush(parts, lit, false);
                    parts.add(new Literal(String.valueOf(peek()), true));
                    pos++;
                }
            } else if (c == '$') {
                Part p = dollar(true);
                if (p instanceof Parameter) {
                    flush(parts, lit, false);
                    parts.add(new Parameter(((Parameter) p).name(), false));
                } else {
                    lit.append(((Literal) p).text());
                }
            } else if (c == '`') {
                throw new SyntaxError("syntax error: command substitution is not supported by this shell");
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit, false);
        return new Word(parts);
    }

    private void doubleQuoted(List<Part> parts) throws SyntaxError {
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new SyntaxError("syntax error: unmatched `\"'");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    lit.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                Part p = dollar(false);
                if (p instanceof Parameter param) {
                    flush(parts, lit, true);
                    parts.add(new Parameter(param.name(), true));
                } else {
                    lit.append(((Literal) p).text());
                }
            } else if (c == '`') {
                throw new SyntaxError("syntax error: command substitution is not supported by this shell");
            } else {
                lit.append(c);
                pos++;
            }
        }
        // "" is an empty field, which a word must keep
        parts.add(new Literal(lit.toString(), true));
    }

    /** At a '$': a parameter, or a literal '$' when nothing that names one follows. */
    private Part dollar(boolean unquoted) throws SyntaxError {
        pos++;
        if (atEnd()) {
            return new Literal("$", !unquoted);
        }
        char c = peek();
        if (c == '(') {
            throw new SyntaxError("syntax error: command substitution is not supported by this shell");
        }
        if (c == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new SyntaxError("syntax error: `${' unmatched");
            }
            String name = src.substring(pos + 1, end);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?!$#]")) {
                throw new SyntaxError("${" + name + "}: bad substitution");
            }
            pos = end + 1;
            return new Parameter(name, !unquoted);
        }
        if ("?!$#".indexOf(c) >= 0 || Character.isDigit(c)) {
            pos++;
            return new Parameter(String.valueOf(c), !unquoted);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            return new Parameter(src.substring(start, pos), !unquoted);
        }
        return new Literal("$", !unquoted);
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Literal(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private static boolean isMeta(char c) {
        return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\n';
    }

    private void skipBlanks() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peekAt(1) == '\n') {
                pos += 2;
            } else {
                break;
            }
        }
    }

    private void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (!atEnd() && peek() == '\n') {
                pos++;
            } else if (!atEnd() && peek() == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (!atEnd() && peek() != '\n') {
            pos++;
        }
    }

    private SyntaxError unexpected(String token) {
        return new SyntaxError("syntax error: `" + token + "' unexpected");
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private char peek() {
        return src.charAt(pos);
    }

    private char peekAt(int offset) {
        int i = pos + offset;
        return i < src.length() ? src.charAt(i) : '\0';
    }
}
