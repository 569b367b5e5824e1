package io.kensa.report.findings;

/** Where a finding is, as text: {@code /app/.env:3}, or the path alone when the line is not known (0). */
public final class Places {
    private Places() {
    }

    /** {@code path:line}, {@code path}, or {@code ""} when there is no path. */
    public static String of(String path, int line) {
        if (path == null || path.isBlank()) {
            return "";
        }
        return line > 0 ? path + ":" + line : path;
    }
}
