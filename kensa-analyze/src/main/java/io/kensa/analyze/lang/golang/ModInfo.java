package io.kensa.analyze.lang.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * The module information text the Go linker embeds ({@code go version -m} prints it): a {@code path} line (the
 * main package), a {@code mod} line (the main module), {@code dep} lines, each possibly followed by a {@code =>}
 * replacement line, and {@code build} settings (not kept). Columns are separated by tabs.
 *
 * @param path main package path, empty when absent
 * @param main main module, null for binaries built outside module mode (GOPATH builds)
 * @param deps dependency modules in build-info order
 */
public record ModInfo(String path, GoModule main, List<GoModule> deps) {
    /** Dependency lines read at most; a real binary has a few hundred. */
    static final int MAX_DEPS = 100_000;

    public ModInfo {
        deps = List.copyOf(deps);
    }

    /** Parses the text; malformed lines are an error, as they are for Go's own reader. */
    public static ModInfo parse(String text) throws BuildInfoException {
        String path = "";
        GoModule main = null;
        List<GoModule> deps = new ArrayList<>();
        int last = -2; // index into deps of the module a "=>" line replaces; -1 for main, -2 for none
        String[] lines = text.split("\n", -1);
        // like Go's reader, a last line without its newline is not read
        for (int lineNumber = 1; lineNumber < lines.length; lineNumber++) {
            String line = lines[lineNumber - 1];
            if (line.startsWith("path\t")) {
                path = line.substring(5);
            } else if (line.startsWith("mod\t")) {
                main = module(line.substring(4), lineNumber);
                last = -1;
            } else if (line.startsWith("dep\t")) {
                if (deps.size() >= MAX_DEPS) {
                    throw new BuildInfoException("more than " + MAX_DEPS + " dependencies");
                }
                deps.add(module(line.substring(4), lineNumber));
                last = deps.size() - 1;
            } else if (line.startsWith("=>\t")) {
                String[] cols = line.substring(3).split("\t", -1);
                if (cols.length != 3) {
                    throw new BuildInfoException("line " + lineNumber + ": expected 3 columns for a replacement, got "
                            + cols.length);
                }
                GoModule r = new GoModule(cols[0], cols[1], cols[2], null);
                if (last == -1) {
                    main = main.withReplace(r);
                } else if (last >= 0) {
                    deps.set(last, deps.get(last).withReplace(r));
                } else {
                    throw new BuildInfoException("line " + lineNumber + ": replacement with no module before it");
                }
                last = -2;
            }
        }
        return new ModInfo(path, main, deps);
    }

    private static GoModule module(String columns, int lineNumber) throws BuildInfoException {
        String[] cols = columns.split("\t", -1);
        if (cols.length != 2 && cols.length != 3) {
            throw new BuildInfoException("line " + lineNumber + ": expected 2 or 3 columns for a module, got "
                    + cols.length);
        }
        return new GoModule(cols[0], cols[1], cols.length == 3 ? cols[2] : "", null);
    }
}
