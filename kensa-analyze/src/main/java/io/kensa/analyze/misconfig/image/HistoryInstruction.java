package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.misconfig.checks.ScriptChecks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image history {@code created_by} line read back as the Dockerfile instruction that made it. The builders
 * write them differently:
 * <ul>
 *   <li>the classic builder: {@code /bin/sh -c #(nop) ADD file:… in /}, {@code /bin/sh -c #(nop)  ENV K=V} for
 *       metadata instructions, {@code /bin/sh -c apt-get update} for RUN, and {@code |2 A=1 B=2 /bin/sh -c …} for
 *       a RUN that saw build arguments;</li>
 *   <li>BuildKit: the instruction as written, then {@code # buildkit}: {@code RUN /bin/sh -c apt-get update # buildkit},
 *       {@code ADD x /y # buildkit}, {@code ENV K=V}, {@code RUN |1 A=1 /bin/sh -c …}, with
 *       {@code --mount=…} flags kept.</li>
 * </ul>
 *
 * @param keyword     the instruction in upper case ({@code RUN}, {@code ADD} …), null when the line is not one
 *                    (e.g. written by another tool)
 * @param arguments   for RUN the shell script, otherwise the instruction's arguments
 * @param buildArgs   {@code NAME=value} build arguments recorded with a RUN (values as written)
 * @param cacheMounts targets of {@code --mount=type=cache} flags of a RUN
 */
public record HistoryInstruction(String keyword, String arguments, List<String> buildArgs, Set<String> cacheMounts) {
    private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Pattern BUILDKIT_SUFFIX = Pattern.compile("\\s*#\\s*buildkit\\s*$");
    private static final Pattern NOP = Pattern.compile("^/bin/sh -c #\\(nop\\)\\s*");
    private static final Pattern SHELL_C = Pattern.compile("^(?:/bin/sh -c|/bin/bash -c|/bin/ash -c|cmd /S /C)\\s+");
    private static final Pattern BUILD_ARGS = Pattern.compile("\\|(\\d{1,4})\\s+");
    private static final Pattern CLASSIC_ADD = Pattern.compile("^(\\S+)\\s+in\\s+(\\S+)\\s*$");

    public HistoryInstruction {
        buildArgs = List.copyOf(buildArgs);
        cacheMounts = Set.copyOf(cacheMounts);
    }

    public static HistoryInstruction parse(String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            return new HistoryInstruction(null, "", List.of(), Set.of());
        }
        String s = BUILDKIT_SUFFIX.matcher(createdBy.strip()).replaceFirst("");
        Matcher nop = NOP.matcher(s);
        if (nop.find()) {
            return metadata(s.substring(nop.end()));
        }
        if (s.startsWith("|") || SHELL_C.matcher(s).find()) {
            return run(s);
        }
        String first = firstWord(s).toUpperCase(Locale.ROOT);
        if (first.equals("RUN")) {
            return run(s.substring(3).strip());
        }
        if (KEYWORDS.contains(first)) {
            return metadata(s);
        }
        return new HistoryInstruction(null, s, List.of(), Set.of());
    }

    /**
     * For {@code ADD}: the destination, or null when it cannot be read. The classic builder writes
     * {@code ADD file:<hash> in /dest}, BuildKit {@code ADD src… /dest}.
     */
    public String addDestination() {
        Matcher m = CLASSIC_ADD.matcher(arguments);
        if (m.matches()) {
            return m.group(2);
        }
        String[] words = arguments.strip().split("\\s+");
        return words.length >= 2 ? words[words.length - 1] : null;
    }

    /** For {@code ADD}: the sources as written (one {@code file:…}/{@code dir:…} word for the classic builder). */
    public List<String> addSources() {
        Matcher m = CLASSIC_ADD.matcher(arguments);
        if (m.matches()) {
            return List.of(m.group(1));
        }
        List<String> words = new ArrayList<>();
        for (String w : arguments.strip().split("\\s+")) {
            if (!w.startsWith("--") && !w.isEmpty()) {
                words.add(w);
            }
        }
        return words.size() >= 2 ? words.subList(0, words.size() - 1) : words;
    }

    private static HistoryInstruction metadata(String s) {
        String kw = firstWord(s);
        String rest = s.substring(kw.length()).strip();
        String upper = kw.toUpperCase(Locale.ROOT);
        if (upper.equals("RUN")) {
            return run(rest);
        }
        return new HistoryInstruction(KEYWORDS.contains(upper) ? upper : null, rest, List.of(), Set.of());
    }

    private static HistoryInstruction run(String text) {
        // index-based: a hostile line of many flags or arguments must not be copied once per word
        int i = skipBlanks(text, 0);
        Set<String> mounts = new LinkedHashSet<>();
        while (text.startsWith("--", i)) {
            int end = wordEnd(text, i);
            if (text.startsWith("--mount=", i)) {
                String target = ScriptChecks.cacheMountTarget(text.substring(i + "--mount=".length(), end));
                if (target != null) {
                    mounts.add(target);
                }
            }
            i = skipBlanks(text, end);
        }
        List<String> args = new ArrayList<>();
        Matcher m = BUILD_ARGS.matcher(text).region(i, text.length());
        if (m.lookingAt()) {
            int n = Integer.parseInt(m.group(1));
            i = m.end();
            for (int k = 0; k < n && i < text.length(); k++) {
                int end = wordEnd(text, i);
                args.add(text.substring(i, end));
                i = skipBlanks(text, end);
            }
        }
        String s = text.substring(i);
        Matcher shell = SHELL_C.matcher(s);
        if (shell.find()) {
            s = s.substring(shell.end());
        }
        return new HistoryInstruction("RUN", s, args, mounts);
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
