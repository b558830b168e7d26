package org.kzmove.sim.shell;

import java.util.List;

/** The syntax tree of the supported subset of POSIX sh (see docs/simulator-shell.md). */
public final class ShellSyntax {
    private ShellSyntax() {
    }

    /** A piece of a word: literal text or a parameter, either inside or outside quotes. */
    public sealed interface Part permits Literal, Parameter {
        boolean quoted();
    }

    public record Literal(String text, boolean quoted) implements Part {
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code $?}, {@code $!}, {@code $$}, {@code $1}. */
    public record Parameter(String name, boolean quoted) implements Part {
    }

    public record Word(List<Part> parts) {
        public Word {
            parts = List.copyOf(parts);
        }

        /** The text with quotes removed and no expansion, for assignment names and diagnostics. */
        public String plain() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                sb.append(p instanceof Literal l ? l.text() : "$" + ((Parameter) p).name());
            }
            return sb.toString();
        }
    }

    public enum RedirectOp { IN, OUT, APPEND, DUP_OUT }

    /**
     * {@code [fd]< word}, {@code [fd]> word}, {@code [fd]>> word}, {@code [fd]>&N}.
     *
     * @param target the file (null for DUP_OUT)
     * @param dupFd  the descriptor duplicated by DUP_OUT
     */
    public record Redirect(int fd, RedirectOp op, Word target, int dupFd) {
    }

    public record SimpleCommand(List<Word> words, List<Redirect> redirects) {
        public SimpleCommand {
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    public record Pipeline(List<SimpleCommand> commands) {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** Pipelines joined by {@code &&} / {@code ||}; {@code operators.get(i)} joins pipeline i and i+1. */
    public record AndOr(List<Pipeline> pipelines, List<String> operators) {
        public AndOr {
            pipelines = List.copyOf(pipelines);
            operators = List.copyOf(operators);
        }
    }

    /** One list item, ended by {@code ;}, a newline or {@code &} (background). */
    public record Item(AndOr andOr, boolean background) {
    }

    public record Script(List<Item> items) {
        public Script {
            items = List.copyOf(items);
        }
    }

    /** A script the shell cannot parse; the message follows ksh's wording where one exists. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        public SyntaxError(String message) {
            super(message);
        }
    }
}
