package io.kensa.image.layer;

/** Turns tar entry names and link targets into normalised paths inside an image root. */
public final class PathNames {
    private PathNames() {
    }

    /**
     * The entry name as a path relative to the image root, without a leading {@code ./} or {@code /} and without
     * {@code .} segments or a trailing slash; null when {@code ..} segments would leave the root (a hostile entry).
     * The root itself is the empty string.
     */
    public static String normalize(String name) {
        if (name.indexOf('\0') >= 0) {
            return null;
        }
        if (isSimple(name)) {
            return name;
        }
        String[] parts = name.split("/");
        StringBuilder sb = new StringBuilder(name.length());
        int[] starts = new int[parts.length + 1];
        int depth = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (depth == 0) {
                    return null;
                }
                depth--;
                sb.setLength(starts[depth]);
                continue;
            }
            starts[depth] = sb.length();
            if (sb.length() > 0) {
                sb.append('/');
                starts[depth] = sb.length() - 1;
            }
            sb.append(part);
            depth++;
        }
        return sb.toString();
    }

    /**
     * Resolves a symlink target found at {@code linkPath} (normalised) inside the image root, as the kernel would
     * inside a chroot: absolute targets start at the root and {@code ..} never climbs above it. Returns the
     * normalised target path.
     */
    public static String resolveLink(String linkPath, String target) {
        String base;
        if (target.startsWith("/")) {
            base = "";
        } else {
            int slash = linkPath.lastIndexOf('/');
            base = slash < 0 ? "" : linkPath.substring(0, slash);
        }
        String joined = base.isEmpty() ? target : base + "/" + target;
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<Integer> starts = new java.util.ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!starts.isEmpty()) {
                    sb.setLength(starts.pop());
                }
                continue;
            }
            starts.push(sb.length());
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The parent directory of a normalised path, "" for top-level entries. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a normalised path. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isSimple(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == '/' || name.charAt(n - 1) == '/') {
            return false;
        }
        char prev = '/';
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '/' && prev == '/') {
                return false;
            }
            if (c == '.' && prev == '/') {
                return false; // "./", "../", ".hidden" take the slow path; correct either way
            }
            prev = c;
        }
        return true;
    }
}
