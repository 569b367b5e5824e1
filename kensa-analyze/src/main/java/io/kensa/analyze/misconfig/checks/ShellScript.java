package io.kensa.analyze.misconfig.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A POSIX shell script (a {@code RUN} line, a history {@code created_by} line) cut into its simple commands, for
 * checks that ask "which programs run, with which arguments". Quotes are removed as the shell would, command
 * substitutions stay inside their word, redirections are dropped, and the reserved words that open a compound
 * command ({@code if}, {@code then}, {@code do} …) are stripped, so {@code if x; then apt-get update; fi} yields
 * {@code apt-get update}. It does not expand variables and does not parse heredocs inside the script.
 */
public final class ShellScript {
    /** Longest script read; the rest is ignored (a history line or RUN is far shorter). */
    static final int MAX_CHARS = 1 << 20;
    /** Most commands kept. */
    static final int MAX_COMMANDS = 10_000;

    private static final Set<String> LEADING_WORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "}", "fi", "done", "time");

    /**
     * One simple command.
     *
     * @param words  its words, quotes removed, redirections dropped, leading reserved words stripped
     * @param piped  true when its standard input is the output of the command before it ({@code a | b})
     * @param raw    the text the command came from, for evidence
     */
    public record Command(List<String> words, boolean piped, String raw) {
        public Command {
            words = List.copyOf(words);
        }
    }

    private ShellScript() {
    }

    public static List<Command> parse(String script) {
        if (script == null) {
            return List.of();
        }
        String s = script.length() > MAX_CHARS ? script.substring(0, MAX_CHARS) : script;
        return new Cutter(s).run();
    }

    private static final class Cutter {
        private final String s;
        private final List<Command> out = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private boolean piped;
        private int commandStart;
        private int i;

        Cutter(String s) {
            this.s = s;
        }

        List<Command> run() {
            while (i < s.length() && out.size() < MAX_COMMANDS) {
                char c = s.charAt(i);
                switch (c) {
                    case ' ', '\t', '\r' -> {
                        endWord();
                        i++;
                    }
                    case '\n' -> separator(1, false);
                    case '\\' -> {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            i += 2; // line continuation
                        } else {
                            if (i + 1 < s.length()) {
                                word.append(s.charAt(i + 1));
                            }
                            inWord = true;
                            i += 2;
                        }
                    }
                    case '\'' -> {
                        int end = s.indexOf('\'', i + 1);
                        end = end < 0 ? s.length() : end;
                        word.append(s, i + 1, end);
                        inWord = true;
                        i = end + 1;
                    }
                    case '"' -> doubleQuoted();
                    case '`' -> {
                        int end = s.indexOf('`', i + 1);
                        end = end < 0 ? s.length() - 1 : end;
                        word.append(s, i, end + 1);
                        inWord = true;
                        i = end + 1;
                    }
                    case '$' -> {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '(') {
                            int end = matchingParen(i + 1);
                            word.append(s, i, end + 1);
                            inWord = true;
                            i = end + 1;
                        } else {
                            word.append(c);
                            inWord = true;
                            i++;
                        }
                    }
                    case '#' -> {
                        if (!inWord) {
                            int nl = s.indexOf('\n', i);
                            i = nl < 0 ? s.length() : nl;
                        } else {
                            word.append(c);
                            i++;
                        }
                    }
                    case ';', '(', ')' -> separator(1, false);
                    case '&' -> separator(next('&') ? 2 : 1, false);
                    case '|' -> {
                        if (next('|')) {
                            separator(2, false);
                        } else {
                            separator(next('&') ? 2 : 1, true);
                        }
                    }
                    case '<', '>' -> redirection();
                    default -> {
                        word.append(c);
                        inWord = true;
                        i++;
                    }
                }
            }
            endCommand(s.length(), false);
            return out;
        }

        private boolean next(char c) {
            return i + 1 < s.length() && s.charAt(i + 1) == c;
        }

        /** An operator of {@code len} characters at {@code i} ends the command; {@code pipe}: the next reads its output. */
        private void separator(int len, boolean pipe) {
            endCommand(i, pipe);
            i += len;
            commandStart = i;
        }

        /** {@code > f}, {@code 2>&1}, {@code <f}, {@code >>f}: the operator and its target are dropped. */
        private void redirection() {
            String before = word.toString();
            if (inWord && !before.chars().allMatch(Character::isDigit)) {
                endWord();
            }
            word.setLength(0);
            inWord = false;
            while (i < s.length() && "<>&|".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            // the target: one word, quotes included
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = s.indexOf(c, i + 1);
                    i = end < 0 ? s.length() : end + 1;
                    continue;
                }
                if (Character.isWhitespace(c) || ";&|()<>".indexOf(c) >= 0) {
                    break;
                }
                i++;
            }
        }

        private void doubleQuoted() {
            i++;
            inWord = true;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return;
                }
                if (c == '\\' && i + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                    if (s.charAt(i + 1) != '\n') {
                        word.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                    int end = matchingParen(i + 1);
                    word.append(s, i, end + 1);
                    i = end + 1;
                } else {
                    word.append(c);
                    i++;
                }
            }
        }

        /** The index of the parenthesis closing the one at {@code open}, or the last index. */
        private int matchingParen(int open) {
            int depth = 0;
            for (int j = open; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return j;
                }
            }
            return s.length() - 1;
        }

        private void endWord() {
            if (inWord) {
                words.add(word.toString());
            }
            word.setLength(0);
            inWord = false;
        }

        /** Ends the current command at {@code at}; {@code pipeAfter}: the next command reads its output. */
        private void endCommand(int at, boolean pipeAfter) {
            endWord();
            int first = 0;
            while (first < words.size() && LEADING_WORDS.contains(words.get(first))) {
                first++;
            }
            if (first < words.size()) {
                String raw = s.substring(Math.min(commandStart, at), at).strip();
                out.add(new Command(words.subList(first, words.size()), piped, raw));
                piped = pipeAfter;
            } else {
                piped = pipeAfter && piped;
            }
            words.clear();
        }
    }
}
