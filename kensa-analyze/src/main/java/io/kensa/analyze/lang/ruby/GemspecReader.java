package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.lang.ruby.RubyToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a gemspec without evaluating Ruby: finds the block variable of {@code Gem::Specification.new do |s|} and
 * the statements {@code s.name = …}, {@code s.version = …}, {@code s.license = …} and {@code s.licenses = …} whose
 * value is a literal: a string in any quoting ({@code "x"}, {@code 'x'}, {@code %q{x}}, with or without
 * {@code .freeze}), {@code Gem::Version.new("x")}, an array of strings or a {@code %w[]} word list. That is what
 * RubyGems writes into {@code specifications/*.gemspec} (every version since 1.x). A later assignment wins, as in
 * Ruby; an assignment of anything else (a constant, a method call, an interpolated string) leaves the field unread
 * and says so.
 */
final class GemspecReader {
    private static final Set<String> FIELDS = Set.of("name", "version", "license", "licenses");
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("then", "else", "do", "begin");

    private final List<RubyToken> tokens;
    private final List<String> problems = new ArrayList<>();
    private String name;
    private String version;
    private List<String> licenses = List.of();

    private GemspecReader(List<RubyToken> tokens) {
        this.tokens = tokens;
    }

    static GemspecFields read(String source) {
        RubyLexer.Result lexed = RubyLexer.tokenize(source);
        GemspecReader reader = new GemspecReader(lexed.tokens());
        if (lexed.problem() != null) {
            reader.problems.add("read up to a syntax problem: " + lexed.problem());
        }
        reader.run();
        return new GemspecFields(reader.name, reader.version, reader.licenses, reader.problems);
    }

    private void run() {
        int block = blockStart();
        if (block < 0) {
            problems.add("no Gem::Specification.new block");
            return;
        }
        String var = tokens.get(block - 2).text();
        for (int i = block; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).is(Kind.IDENT, var) && tokens.get(i + 1).isPunct(".")
                    && tokens.get(i + 2).kind() == Kind.IDENT && FIELDS.contains(tokens.get(i + 2).text())
                    && tokens.get(i + 3).is(Kind.OPERATOR, "=") && statementStart(i)) {
                assign(var, tokens.get(i + 2).text(), i + 4);
            }
        }
    }

    /** Index just after {@code Gem::Specification.new [(...)] do |var|} (or {@code { |var|}), or -1. */
    private int blockStart() {
        for (int i = 0; i + 4 < tokens.size(); i++) {
            if (!(tokens.get(i).is(Kind.IDENT, "Gem") && tokens.get(i + 1).is(Kind.OPERATOR, "::")
                    && tokens.get(i + 2).is(Kind.IDENT, "Specification") && tokens.get(i + 3).isPunct(".")
                    && tokens.get(i + 4).is(Kind.IDENT, "new"))) {
                continue;
            }
            int j = skipParens(i + 5);
            if (j + 3 < tokens.size() && (tokens.get(j).is(Kind.IDENT, "do") || tokens.get(j).isPunct("{"))
                    && tokens.get(j + 1).isPunct("|") && tokens.get(j + 2).kind() == Kind.IDENT
                    && tokens.get(j + 3).isPunct("|")) {
                return j + 4;
            }
        }
        return -1;
    }

    private int skipParens(int j) {
        if (j >= tokens.size() || !tokens.get(j).isPunct("(")) {
            return j;
        }
        int depth = 0;
        for (; j < tokens.size(); j++) {
            if (tokens.get(j).isPunct("(")) {
                depth++;
            } else if (tokens.get(j).isPunct(")") && --depth == 0) {
                return j + 1;
            }
        }
        return j;
    }

    private boolean statementStart(int i) {
        RubyToken prev = tokens.get(i - 1);
        return prev.kind() == Kind.NEWLINE || prev.isPunct(";") || prev.isPunct("|")
                || (prev.kind() == Kind.IDENT && STATEMENT_KEYWORDS.contains(prev.text()));
    }

    private void assign(String var, String field, int at) {
        Value v = value(at);
        if (v == null || !statementEnd(v.next())) {
            problems.add(var + "." + field + " is not a literal");
            return;
        }
        if (field.startsWith("license")) {
            licenses = v.list();
        } else if (v.single() == null) {
            problems.add(var + "." + field + " is not a string");
        } else if (field.equals("name")) {
            name = v.single();
        } else {
            version = v.single();
        }
    }

    private boolean statementEnd(int j) {
        if (j >= tokens.size()) {
            return true;
        }
        RubyToken t = tokens.get(j);
        return t.kind() == Kind.NEWLINE || t.isPunct(";") || t.isPunct("}")
                || t.is(Kind.IDENT, "if") || t.is(Kind.IDENT, "unless");
    }

    /** A literal value and the index of the token after it. */
    private record Value(List<String> list, boolean isList, int next) {
        String single() {
            return isList || list.isEmpty() ? null : list.getFirst();
        }
    }

    private Value value(int j) {
        if (j >= tokens.size()) {
            return null;
        }
        RubyToken t = tokens.get(j);
        if (t.kind() == Kind.STRING) {
            return t.dynamic() ? null : new Value(List.of(t.text()), false, skipFreeze(j + 1));
        }
        if (t.kind() == Kind.WORDS) {
            return t.dynamic() ? null : new Value(t.words(), true, j + 1);
        }
        if (t.isPunct("[")) {
            return array(j + 1);
        }
        if (t.is(Kind.IDENT, "Gem") && j + 5 < tokens.size() && tokens.get(j + 1).is(Kind.OPERATOR, "::")
                && tokens.get(j + 2).is(Kind.IDENT, "Version") && tokens.get(j + 3).isPunct(".")
                && tokens.get(j + 4).is(Kind.IDENT, "new")) {
            boolean parens = tokens.get(j + 5).isPunct("(");
            int k = parens ? j + 6 : j + 5;
            if (k >= tokens.size() || tokens.get(k).kind() != Kind.STRING || tokens.get(k).dynamic()) {
                return null;
            }
            int after = skipFreeze(k + 1);
            if (parens) {
                if (after >= tokens.size() || !tokens.get(after).isPunct(")")) {
                    return null;
                }
                after++;
            }
            return new Value(List.of(tokens.get(k).text()), false, after);
        }
        return null;
    }

    private Value array(int j) {
        List<String> items = new ArrayList<>();
        while (j < tokens.size()) {
            j = skipNewlines(j);
            if (j < tokens.size() && tokens.get(j).isPunct("]")) {
                return new Value(items, true, j + 1);
            }
            if (j >= tokens.size() || tokens.get(j).kind() != Kind.STRING || tokens.get(j).dynamic()) {
                return null;
            }
            items.add(tokens.get(j).text());
            j = skipNewlines(skipFreeze(j + 1));
            if (j < tokens.size() && tokens.get(j).isPunct(",")) {
                j++;
            } else if (j >= tokens.size() || !tokens.get(j).isPunct("]")) {
                return null;
            }
        }
        return null;
    }

    private int skipFreeze(int j) {
        if (j + 1 < tokens.size() && tokens.get(j).isPunct(".") && tokens.get(j + 1).is(Kind.IDENT, "freeze")) {
            return j + 2;
        }
        return j;
    }

    private int skipNewlines(int j) {
        while (j < tokens.size() && tokens.get(j).kind() == Kind.NEWLINE) {
            j++;
        }
        return j;
    }
}
