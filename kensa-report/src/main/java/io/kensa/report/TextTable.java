package io.kensa.report;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for a terminal: a header, a rule and the rows, columns two spaces apart, each column as wide as
 * its widest cell or its cap, whichever is smaller (longer cells end in {@code …}). Widths are display columns (East
 * Asian wide characters count two), and cells are made printable first ({@link TerminalText}), so a hostile package
 * name cannot move the cursor or break the layout. A row may carry detail lines (evidence, a masked secret's line),
 * printed under it, indented and never cut.
 */
final class TextTable {
    /** No cap on a column's width. */
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The width {@link #fitted} tables keep to. */
    static final int WIDTH = 120;
    /** The least a {@link #fitted} table leaves its last column. */
    static final int MIN_LAST = 30;
    private static final String DETAIL_INDENT = "    ";

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
        Arrays.fill(caps, UNBOUNDED);
        return new TextTable(header, caps);
    }

    /**
     * A table whose columns are as wide as their content (up to {@code max}), the widest shrinkable one narrowed
     * first (down to its {@code floor}) until the last column has {@value #MIN_LAST} columns within {@value #WIDTH};
     * the last column gets the rest.
     */
    static TextTable fitted(String[] header, int[] max, int[] floor, List<String[]> rows) {
        int last = header.length - 1;
        int[] width = new int[header.length];
        for (int c = 0; c < last; c++) {
            int natural = TerminalText.width(header[c]);
            for (String[] r : rows) {
                natural = Math.max(natural, TerminalText.width(TerminalText.printable(r[c])));
            }
            width[c] = Math.min(natural, max[c]);
        }
        int gaps = 2 * last;
        while (Arrays.stream(width).sum() + gaps + MIN_LAST > WIDTH) {
            int widest = -1;
            for (int c = 0; c < last; c++) {
                if (width[c] > Math.max(floor[c], TerminalText.width(header[c])) && (widest < 0 || width[c] > width[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break;
            }
            width[widest]--;
        }
        width[last] = Math.max(WIDTH - Arrays.stream(width).sum() - gaps, TerminalText.width(header[last]));
        return new TextTable(header, width);
    }

    void print(PrintWriter w, List<String[]> rows) {
        print(w, rows, List.of());
    }

    /**
     * Prints the rows, each followed by its detail lines ({@code details.get(i)} for row {@code i}, when there is
     * one), indented by four spaces and made printable but not cut.
     */
    void print(PrintWriter w, List<String[]> rows, List<List<String>> details) {
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
        for (int i = 0; i < clean.size(); i++) {
            printRow(w, clean.get(i), width);
            if (i < details.size()) {
                for (String detail : details.get(i)) {
                    String line = TerminalText.printable(detail);
                    if (!line.isEmpty()) {
                        w.println(DETAIL_INDENT + line);
                    }
                }
            }
        }
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
