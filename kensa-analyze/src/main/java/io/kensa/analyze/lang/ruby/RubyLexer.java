package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.lang.ruby.RubyToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Ruby source into {@link RubyToken}s without evaluating anything. It knows enough of Ruby's lexical
 * rules to keep text that only looks like code (inside strings, {@code %q{}} literals, comments, {@code =begin}
 * blocks and heredoc bodies) from being read as code. Unknown characters become punctuation; an unterminated
 * literal ends the token list with a problem instead of an exception.
 */
final class RubyLexer {
    /** Most tokens read from one file. */
    static final int MAX_TOKENS = 500_000;
    private static final String OPERATOR_CHARS = "=<>!~+-*/&^?:";

    private final String src;
    private final List<RubyToken> tokens = new ArrayList<>();
    private final List<Heredoc> pendingHeredocs = new ArrayList<>();
    private int pos;
    private String problem;

    /** The tokens of a file, and what stopped the lexer early (null when it read the whole file). */
    record Result(List<RubyToken> tokens, String problem) {
    }

    private record Heredoc(String terminator, boolean indented) {
    }

    private RubyLexer(String src) {
        this.src = src;
    }

    static Result tokenize(String src) {
        RubyLexer lexer = new RubyLexer(src);
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), lexer.problem);
    }

    private void run() {
        int n = src.length();
        while (pos < n && problem == null) {
            if (tokens.size() >= MAX_TOKENS) {
                problem = "more than " + MAX_TOKENS + " tokens";
                return;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                newline();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0) {
                pos++;
                continue;
            }
            if (c == '\\' && pos + 1 < n && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                pos += 2; // line continuation
                continue;
            }
            if (c == '#') {
                skipToLineEnd();
                continue;
            }
            if (atLineStart() && src.startsWith("=begin", pos)) {
                skipBlockComment();
                continue;
            }
            if (atLineStart() && src.startsWith("__END__", pos) && lineEndsAt(pos + 7)) {
                return;
            }
            if (c == '"' || c == '\'' || c == '`') {
                pos++;
                quoted(c, c == '\'' ? Escapes.SINGLE : Escapes.DOUBLE);
                continue;
            }
            if (c == '%' && percentLiteral()) {
                continue;
            }
            if (c == '<' && heredoc()) {
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                identifier();
                continue;
            }
            if (Character.isDigit(c)) {
                number();
                continue;
            }
            if (OPERATOR_CHARS.indexOf(c) >= 0 || c == '%') {
                int start = pos;
                while (pos < n && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0) {
                    pos++;
                }
                if (pos == start) {
                    pos++;
                }
                tokens.add(RubyToken.of(Kind.OPERATOR, src.substring(start, pos)));
                continue;
            }
            pos++;
            tokens.add(RubyToken.of(Kind.PUNCT, String.valueOf(c)));
        }
    }

    private boolean atLineStart() {
        return pos == 0 || src.charAt(pos - 1) == '\n';
    }

    private boolean lineEndsAt(int i) {
        return i >= src.length() || src.charAt(i) == '\n' || src.charAt(i) == '\r';
    }

    private void newline() {
        if (tokens.isEmpty() || tokens.getLast().kind() != Kind.NEWLINE) {
            tokens.add(RubyToken.of(Kind.NEWLINE, "\n"));
        }
        if (!pendingHeredocs.isEmpty()) {
            for (Heredoc h : pendingHeredocs) {
                skipHeredocBody(h);
            }
            pendingHeredocs.clear();
        }
    }

    private void skipToLineEnd() {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl;
    }

    private String currentLine() {
        int nl = src.indexOf('\n', pos);
        String line = src.substring(pos, nl < 0 ? src.length() : nl);
        pos = nl < 0 ? src.length() : nl + 1;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private void skipBlockComment() {
        while (pos < src.length()) {
            String line = currentLine();
            if (line.startsWith("=end")) {
                return;
            }
        }
        problem = "unterminated =begin comment";
    }

    private void skipHeredocBody(Heredoc h) {
        while (pos < src.length()) {
            String line = currentLine();
            if ((h.indented() ? line.strip() : line).equals(h.terminator())) {
                return;
            }
        }
        problem = "unterminated heredoc " + h.terminator();
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '!')
                && (pos + 1 >= src.length() || (src.charAt(pos + 1) != '=' && src.charAt(pos + 1) != ':'))) {
            pos++;
        }
        tokens.add(RubyToken.of(Kind.IDENT, src.substring(start, pos)));
    }

    private void number() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean fraction = c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1));
            if (!Character.isLetterOrDigit(c) && c != '_' && !fraction) {
                break;
            }
            pos++;
        }
        tokens.add(RubyToken.of(Kind.NUMBER, src.substring(start, pos)));
    }

    private enum Escapes { SINGLE, DOUBLE }

    /** A literal whose opening delimiter has been read; reads to {@code close}. */
    private void quoted(char close, Escapes escapes) {
        quoted(close, (char) 0, escapes, false);
    }

    private void quoted(char close, char open, Escapes escapes, boolean words) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        boolean dynamic = false;
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                char e = src.charAt(pos++);
                if (escapes == Escapes.SINGLE) {
                    if (e != '\\' && e != close && e != open) {
                        value.append('\\');
                    }
                    value.append(e);
                } else {
                    value.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 's' -> ' ';
                        case '0' -> '\0';
                        case 'e' -> '\u001b';
                        default -> e;
                    });
                }
                continue;
            }
            if (escapes == Escapes.DOUBLE && c == '#' && pos < src.length() && src.charAt(pos) == '{') {
                dynamic = true;
                value.append(c);
                continue;
            }
            if (open != 0 && c == open) {
                depth++;
            } else if (c == close) {
                if (depth == 0) {
                    emitLiteral(value.toString(), dynamic, words);
                    return;
                }
                depth--;
            }
            value.append(c);
        }
        problem = "unterminated string literal at offset " + (start - 1);
    }

    private void emitLiteral(String value, boolean dynamic, boolean words) {
        if (words) {
            List<String> list = new ArrayList<>();
            for (String w : value.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    list.add(w);
                }
            }
            tokens.add(new RubyToken(Kind.WORDS, value, List.copyOf(list), dynamic));
        } else {
            tokens.add(new RubyToken(Kind.STRING, value, List.of(), dynamic));
        }
    }

    /** {@code %q{..}}, {@code %Q(..)}, {@code %w[..]}, {@code %{..}} …; false when the {@code %} is an operator. */
    private boolean percentLiteral() {
        if (pos + 1 >= src.length()) {
            return false;
        }
        char type = src.charAt(pos + 1);
        int delimAt;
        if ("qQwWiI".indexOf(type) >= 0 && pos + 2 < src.length() && isDelimiter(src.charAt(pos + 2))) {
            delimAt = pos + 2;
        } else if ("{[(<|!/^".indexOf(type) >= 0) {
            type = 'Q';
            delimAt = pos + 1;
        } else {
            return false;
        }
        char open = src.charAt(delimAt);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        pos = delimAt + 1;
        boolean words = type == 'w' || type == 'W' || type == 'i' || type == 'I';
        Escapes escapes = type == 'q' || type == 'w' || type == 'i' ? Escapes.SINGLE : Escapes.DOUBLE;
        quoted(close, close == open ? (char) 0 : open, escapes, words);
        return true;
    }

    private static boolean isDelimiter(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }

    /** {@code <<~EOS}, {@code <<-EOS}, {@code <<EOS}, quoted forms; the body is skipped at the next line end. */
    private boolean heredoc() {
        if (!src.startsWith("<<", pos)) {
            return false;
        }
        int i = pos + 2;
        boolean indented = false;
        if (i < src.length() && (src.charAt(i) == '~' || src.charAt(i) == '-')) {
            indented = true;
            i++;
        }
        if (i >= src.length()) {
            return false;
        }
        char q = src.charAt(i);
        String terminator;
        if (q == '\'' || q == '"' || q == '`') {
            int end = src.indexOf(q, i + 1);
            int nl = src.indexOf('\n', i + 1);
            if (end < 0 || (nl >= 0 && nl < end)) {
                return false;
            }
            terminator = src.substring(i + 1, end);
            i = end + 1;
        } else if (Character.isLetter(q) || q == '_') {
            int start = i;
            while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
            terminator = src.substring(start, i);
        } else {
            return false;
        }
        pendingHeredocs.add(new Heredoc(terminator, indented));
        pos = i;
        tokens.add(new RubyToken(Kind.STRING, "", List.of(), true));
        return true;
    }
}
