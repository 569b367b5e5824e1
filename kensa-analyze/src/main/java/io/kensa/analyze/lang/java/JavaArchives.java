package io.kensa.analyze.lang.java;

/** Which file names are Java archives, and how an archive's path and its entries' names are shown. */
final class JavaArchives {
    private static final String[] EXTENSIONS = {"jar", "war", "ear", "jpi", "hpi", "par", "sar"};
    private static final int MAX_DISPLAY_NAME = 512;

    private JavaArchives() {
    }

    /** Whether the name ends with one of the Java archive extensions (any case): a few character checks. */
    static boolean isArchiveName(String name) {
        int dot = name.length() - 4;
        if (dot < 1 || name.charAt(dot) != '.' || name.charAt(dot - 1) == '/') {
            return false;
        }
        for (String ext : EXTENSIONS) {
            if (name.regionMatches(true, dot + 1, ext, 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an entry name is safe to show and to follow: relative, no {@code ..} segment, no backslash, no
     * control character. Entry names are never used as file-system paths; an unsafe name is skipped all the same,
     * since only a hostile archive has one.
     */
    static boolean isSafeEntryName(String name) {
        if (name.isEmpty() || name.length() > 4096 || name.charAt(0) == '/' || name.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        int start = 0;
        while (start <= name.length()) {
            int slash = name.indexOf('/', start);
            int end = slash < 0 ? name.length() : slash;
            if (end - start == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                return false;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return true;
    }

    /** A name as it may be printed: control characters replaced, cut to a sane length. */
    static String display(String name) {
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_DISPLAY_NAME));
        for (int i = 0; i < name.length() && b.length() < MAX_DISPLAY_NAME; i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            b.append("...");
        }
        return b.toString();
    }

    /** The last segment of a path or entry name. */
    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
