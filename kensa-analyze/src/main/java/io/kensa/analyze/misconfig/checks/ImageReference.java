package io.kensa.analyze.misconfig.checks;

/**
 * The tag part of an image reference ({@code [registry[:port]/]repository[:tag][@digest]}), for the latest-tag
 * checks (DKL-DI-0006, KSV013).
 */
public final class ImageReference {
    private ImageReference() {
    }

    /**
     * Whether {@code reference} names the mutable {@code latest} tag: its tag is {@code latest}, or it has neither
     * tag nor digest (which means latest). False for digest-pinned references, for {@code scratch}, and for
     * references that still hold an unexpanded variable ({@code $BASE}) or are empty.
     */
    public static boolean isLatest(String reference) {
        if (reference == null) {
            return false;
        }
        String r = reference.strip();
        if (r.isEmpty() || r.equals("scratch") || r.contains("$") || r.contains("@")) {
            return false;
        }
        String tag = tag(r);
        return tag == null || tag.equals("latest");
    }

    /** The tag of {@code reference}, or null when it has none (a colon before the last slash is a port). */
    public static String tag(String reference) {
        String r = reference;
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        return colon > slash ? r.substring(colon + 1) : null;
    }
}
