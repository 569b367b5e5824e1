package io.kensa.analyze.lang.golang;

import java.util.Set;
import java.util.TreeSet;

/**
 * The packages {@code go version -m} output implies under Kensa's rules (see {@link GoPackages}), as
 * {@code name@version} strings: stdlib at the toolchain version without "go", the main module when versioned,
 * each dependency or its module replacement; local-directory replacements and {@code (devel)} versions left out.
 */
final class GoVersionM {
    private GoVersionM() {
    }

    static Set<String> expectedPackages(String output) {
        Set<String> out = new TreeSet<>();
        String[] lines = output.split("\n");
        String go = lines[0].substring(lines[0].indexOf(": ") + 2).trim();
        out.add("stdlib@" + go.substring(2).split(" ")[0]);
        String pending = null;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\t", -1);
            switch (f[0]) {
                case "mod" -> {
                    if (!f[2].equals("(devel)")) {
                        out.add(f[1] + "@" + f[2]);
                    }
                }
                case "dep" -> {
                    if (pending != null) {
                        out.add(pending);
                    }
                    pending = f[2].equals("(devel)") ? null : f[1] + "@" + f[2];
                }
                case "=>" -> {
                    if (!f[2].isEmpty() && !f[2].equals("(devel)")) {
                        out.add(f[1] + "@" + f[2]);
                    }
                    pending = null;
                }
                default -> {
                }
            }
        }
        if (pending != null) {
            out.add(pending);
        }
        return out;
    }
}
