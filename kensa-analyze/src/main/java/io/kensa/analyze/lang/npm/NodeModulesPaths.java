package io.kensa.analyze.lang.npm;

/**
 * Where npm, yarn and pnpm install packages: {@code …/node_modules/<name>/} or {@code …/node_modules/@scope/<name>/},
 * nested to any depth ({@code node_modules/a/node_modules/b/}), and pnpm's and npm's linked stores
 * ({@code node_modules/.pnpm/<name>@<version>/node_modules/<name>/}). From the first {@code node_modules} on, the
 * path must alternate {@code node_modules} and package directories: a {@code package.json} in a package's own
 * sub-folder ({@code node_modules/x/lib/package.json}) or in a test fixture
 * ({@code node_modules/x/test/fixtures/node_modules/y/package.json}) is not an installed package.
 */
final class NodeModulesPaths {
    private static final String NODE_MODULES = "node_modules";
    private static final String MANIFEST = "/package.json";

    private NodeModulesPaths() {
    }

    /** Whether {@code path} is the {@code package.json} of an installed package. */
    static boolean isInstalledManifest(String path) {
        if (!path.endsWith(MANIFEST)) {
            return false;
        }
        int start;
        if (path.startsWith(NODE_MODULES + "/")) {
            start = 0;
        } else {
            int at = path.indexOf("/" + NODE_MODULES + "/");
            if (at < 0) {
                return false;
            }
            start = at + 1;
        }
        String[] segments = path.substring(start, path.length() - MANIFEST.length()).split("/", -1);
        int i = 0;
        while (i < segments.length) {
            if (!segments[i].equals(NODE_MODULES) || ++i >= segments.length) {
                return false;
            }
            String segment = segments[i];
            if (segment.startsWith(".")) {
                // a store: .pnpm/<name>@<version>/node_modules/…, .store/<name>@<version>-<hash>/node_modules/…
                if (segment.length() == 1 || segment.equals("..") || i + 2 >= segments.length) {
                    return false;
                }
                i += 2;
                continue;
            }
            if (segment.startsWith("@")) {
                if (segment.length() == 1 || ++i >= segments.length) {
                    return false;
                }
                segment = segments[i];
            }
            if (!isPackageDirectory(segment)) {
                return false;
            }
            if (++i == segments.length) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is inside some {@code node_modules} directory. */
    static boolean insideNodeModules(String path) {
        return path.startsWith(NODE_MODULES + "/") || path.contains("/" + NODE_MODULES + "/");
    }

    private static boolean isPackageDirectory(String segment) {
        return !segment.isEmpty() && segment.charAt(0) != '.' && segment.charAt(0) != '_'
                && !segment.equals(NODE_MODULES);
    }
}
