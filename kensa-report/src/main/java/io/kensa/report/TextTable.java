package io.kensa.report;

import java.io.PrintWriter;
import java.util.List;

/**
 * A plain-text table for a terminal: a header, a rule and the rows, columns two spaces apart, each column as wide as
 * its widest cell or its cap, whichever is smaller (longer cells end in {@code …}). Widths are display columns (East
 * Asian wide characters count two), and cells are made printable first ({@link TerminalText}), so a hostile package
 * name cannot move the cursor or break the layout.
 */
final class TextTable {
    /** No cap on a column's width. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String[] header;
    private final int[] caps;

    TextTable(String[] header, int[] caps) {
        if (header.length != caps.length) {
            throw new IllegalArgumentException("one cap per column");
        }
        this.header = header.clone();
        this.caps = caps.clone();
    }

    /** A table whose columns are as wide as their widest cell. */
    static TextTable unbounded(String... header) {
        int[] caps = new int[header.length];
        java.util.Arrays.fill(caps, UNBOUNDED);
        return new TextTable(header, caps);
    }

    void print(PrintWriter w, List<String[]> rows) {
        List<String[]> clean = rows.stream().map(r -> {
            String[] c = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                c[i] = TerminalText.printable(r[i]);
            }
            return c;
        }).toList();
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = TerminalText.width(header[c]);
            for (String[] r : clean) {
                width[c] = Math.max(width[c], TerminalText.width(r[c]));
            }
            width[c] = Math.min(width[c], caps[c]);
        }
        printRow(w, header, width);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        printRow(w, rule, width);
        clean.forEach(r -> printRow(w, r, width));
    }

    private static void printRow(PrintWriter w, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String cell = TerminalText.clip(cells[c], width[c]);
            sb.append(cell);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(Math.max(0, width[c] - TerminalText.width(cell))));
            }
        }
        w.println(sb.toString().stripTrailing());
    }
}
