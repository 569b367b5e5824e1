package io.kensa.analyze.lang.npm;

/** One-line problem descriptions for warnings. */
final class Messages {
    private static final int MAX_LENGTH = 200;

    private Messages() {
    }

    /** The first line of the exception's message, shortened: parser messages quote the offending source. */
    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        String line = (nl < 0 ? m : m.substring(0, nl)).strip();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
