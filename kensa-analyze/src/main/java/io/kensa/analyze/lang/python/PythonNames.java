package io.kensa.analyze.lang.python;

import java.util.Locale;

/** Python distribution names as PEP 503 normalises them: lower case, each run of {@code -}, {@code _}, {@code .} one {@code -}. */
final class PythonNames {
    private PythonNames() {
    }

    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    out.append('-');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
