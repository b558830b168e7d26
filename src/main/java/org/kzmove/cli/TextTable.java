package org.kzmove.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.kzmove.solaris.text.HostText;

/** Left-aligned columns, two spaces apart, sized to their widest cell (as zoneadm list -v prints). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    /** Cells are escaped here (the funnel would too) so a host's escape sequence cannot skew the columns. */
    void row(String... cells) {
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = HostText.forTerminal(cells[i]);
        }
        rows.add(shown);
    }

    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                sb.append(r[i]);
                if (i < columns - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
