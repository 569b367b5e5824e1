package io.kensa.analyze.misconfig.dockerfile;

import java.util.List;

/**
 * One instruction of a Dockerfile.
 *
 * @param keyword    upper case ({@code RUN}, {@code FROM} …)
 * @param flags      the {@code --name[=value]} flags before the arguments ({@code --platform=…}, {@code --mount=…},
 *                   {@code --chmod=…}), as written
 * @param arguments  the rest of the logical line after the keyword and the flags, continuation lines joined and
 *                   comment lines inside it removed, not expanded
 * @param execForm   the arguments of the JSON (exec) form ({@code ["a", "b"]}), null for the shell form
 * @param heredocs   the here-documents that follow the instruction, in order
 * @param line       1-based line where the instruction starts
 * @param endLine    1-based last line of the instruction (its last continuation line or heredoc delimiter)
 * @param expanded   for the instructions the builder expands (ADD, ARG, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL,
 *                   USER, VOLUME, WORKDIR): the argument words after quote removal and variable substitution;
 *                   empty for the others
 * @param unresolved whether the expansion referenced a variable with no value (a build argument given only at
 *                   build time)
 */
public record Instruction(String keyword, List<String> flags, String arguments, List<String> execForm,
                          List<Heredoc> heredocs, int line, int endLine, List<String> expanded, boolean unresolved) {
    /** Longest instruction text quoted as evidence. */
    private static final int MAX_EVIDENCE = 400;

    public Instruction {
        flags = List.copyOf(flags);
        execForm = execForm == null ? null : List.copyOf(execForm);
        heredocs = List.copyOf(heredocs);
        expanded = expanded == null ? List.of() : List.copyOf(expanded);
    }

    Instruction withExpansion(List<String> words, boolean undefinedVariable) {
        return new Instruction(keyword, flags, arguments, execForm, heredocs, line, endLine, words, undefinedVariable);
    }

    /** The value of flag {@code --name=value}, or null when absent. */
    public String flag(String name) {
        for (String f : flags) {
            if (f.startsWith("--" + name + "=")) {
                return f.substring(name.length() + 3);
            }
        }
        return null;
    }

    /** The instruction as one line (keyword, flags, arguments), shortened, for evidence. */
    public String text() {
        StringBuilder b = new StringBuilder(keyword);
        for (String f : flags) {
            b.append(' ').append(f);
        }
        if (!arguments.isEmpty()) {
            b.append(' ').append(arguments.replaceAll("\\s+", " ").strip());
        }
        return b.length() > MAX_EVIDENCE ? b.substring(0, MAX_EVIDENCE) + "…" : b.toString();
    }
}
