package io.kensa.analyze.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The secret scanning engine for one rule set: one keyword pass over the bytes, then each rule whose keyword
 * occurred runs on the line around the occurrence only. Results are masked before they leave: the excerpt of the
 * line keeps a few characters of each secret on it, then {@code *****}. Immutable and thread-safe.
 */
public final class SecretScanner {
    /** How far a line is followed from a keyword, each way: longer lines (minified code) are scanned in windows. */
    private static final int LINE_REACH = 2048;
    /** Findings kept per file: more are noise (a dump of keys), and the report must stay bounded. */
    static final int MAX_MATCHES_PER_FILE = 1000;
    /** The longest match of a rule tried at a keyword (a JWT, a dockerconfigjson value). */
    private static final int MAX_TOKEN = 1 << 14;
    /** How far back the start of a word holding a keyword is looked for. */
    private static final int MAX_WORD_BACK = 256;
    /** Matches collected per file before the scan of that file stops: a bound for hostile files. */
    private static final int MAX_CANDIDATES = 20_000;

    private final SecretRule[] rules;
    private final int[] secretGroup;
    private final KeywordIndex index;
    private final int[][] rulesByKeyword;
    private final int[] alwaysRules;
    private final List<AllowRule> allowRules;
    private final List<AllowRule> fileAllowRules;

    SecretScanner(List<SecretRule> ruleList, List<AllowRule> allow) {
        rules = ruleList.toArray(SecretRule[]::new);
        secretGroup = new int[rules.length];
        List<String> keywords = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            SecretRule rule = rules[r];
            secretGroup[r] = groupIndex(rule);
            List<String> usable = rule.keywords().stream()
                    .filter(k -> k.getBytes(StandardCharsets.UTF_8).length >= 2).toList();
            if (usable.size() < rule.keywords().size() || usable.isEmpty()) {
                always.add(r);
            } else {
                keywords.addAll(usable);
            }
        }
        index = new KeywordIndex(keywords);
        List<List<Integer>> byKeyword = new ArrayList<>();
        for (int k = 0; k < index.keywords().size(); k++) {
            byKeyword.add(new ArrayList<>());
        }
        for (int r = 0; r < rules.length; r++) {
            if (always.contains(r)) {
                continue;
            }
            Set<Integer> ids = new HashSet<>();
            for (String k : rules[r].keywords()) {
                ids.add(index.id(k));
            }
            for (int id : ids) {
                byKeyword.get(id).add(r);
            }
        }
        rulesByKeyword = byKeyword.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        alwaysRules = always.stream().mapToInt(Integer::intValue).toArray();
        allowRules = List.copyOf(allow);
        fileAllowRules = allow.stream().filter(a -> a.regex() == null).toList();
    }

    private static int groupIndex(SecretRule rule) {
        if (rule.secretGroup() == null) {
            return 0;
        }
        Map<String, Integer> groups = rule.regex().namedGroups();
        Integer g = groups.get(rule.secretGroup());
        if (g == null) {
            throw new IllegalArgumentException("rule " + rule.id() + ": no group named " + rule.secretGroup());
        }
        return g;
    }

    /** Whether an allow rule keeps the whole file at {@code path} out of the scan. */
    public boolean skipsPath(String path) {
        for (AllowRule a : fileAllowRules) {
            if (a.skipsFile(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The secrets in {@code data[0, length)} of the file at {@code path} (relative to the root, or a config field
     * such as {@code config:Env}), masked; at most one per rule and line, in order of position.
     */
    public List<SecretMatch> scan(String path, byte[] data, int length) {
        Scan scan = new Scan(path, data, length);
        KeywordIndex.Hits hits = index.find(data, length);
        if (hits != null) {
            for (int i = 0; i < hits.size(); i++) {
                int k = hits.keyword(i);
                int start = hits.start(i);
                scan.hit(k, start, start + index.length(k));
            }
        }
        for (int r : alwaysRules) {
            scan.wholeText(r);
        }
        return scan.results();
    }

    /** One match that passed its rule's check and the allow rules; offsets are in the file's bytes. */
    private record Candidate(int rule, int matchStart, int matchEnd, int secretStart, int secretEnd,
                             boolean example) {
        boolean overlaps(Candidate o) {
            return secretStart < o.secretEnd && o.secretStart < secretEnd;
        }
    }

    /** The state of scanning one file. */
    private final class Scan {
        private final String path;
        private final byte[] data;
        private final int length;
        private ByteText text;
        private Matcher[] matchers;
        /** Per rule: 0 not yet known, 1 applies to this path, 2 does not. */
        private byte[] applies;
        /** Per rule: the offset before which a keyword occurrence can bring nothing new (scanned or matched). */
        private int[] doneTo;
        private List<Candidate> candidates;
        private int lineFrom = -1;
        private int lineTo = -1;

        Scan(String path, byte[] data, int length) {
            this.path = path;
            this.data = data;
            this.length = length;
        }

        /** Keyword {@code keyword} occurs at {@code [start, end)}. */
        void hit(int keyword, int start, int end) {
            if (applies == null) {
                prepare();
            }
            for (int r : rulesByKeyword[keyword]) {
                if (start < doneTo[r] || !applies(r)) {
                    continue;
                }
                switch (rules[r].anchor()) {
                    case KEYWORD -> anchored(r, start);
                    case WORD -> {
                        int from = wordStart(start);
                        if (from >= 0) {
                            anchored(r, from);
                        }
                    }
                    case LINE -> {
                        if (start < lineFrom || end > lineTo) {
                            lineFrom = lineStart(start, LINE_REACH);
                            lineTo = lineEnd(end, LINE_REACH);
                        }
                        doneTo[r] = lineTo;
                        findAll(r, lineFrom, lineTo);
                    }
                }
            }
        }

        /** Runs a rule without keywords over the whole file. */
        void wholeText(int r) {
            if (applies == null) {
                prepare();
            }
            if (applies(r)) {
                findAll(r, 0, length);
            }
        }

        private void prepare() {
            applies = new byte[rules.length];
            doneTo = new int[rules.length];
            matchers = new Matcher[rules.length];
            text = new ByteText(data, length);
        }

        private boolean applies(int r) {
            if (applies[r] == 0) {
                applies[r] = rules[r].appliesTo(path) ? (byte) 1 : (byte) 2;
            }
            return applies[r] == 1;
        }

        private Matcher matcher(int r) {
            Matcher m = matchers[r];
            if (m == null) {
                m = rules[r].regex().matcher(text);
                m.useTransparentBounds(true);
                matchers[r] = m;
            }
            return m;
        }

        /** Tries the rule's regex at exactly {@code from}. */
        private void anchored(int r, int from) {
            Matcher m = matcher(r);
            m.useAnchoringBounds(false);
            m.region(from, Math.min(length, from + MAX_TOKEN));
            if (m.lookingAt()) {
                doneTo[r] = m.end();
                accept(r, m);
            }
        }

        /** Searches the rule's regex in {@code [from, to)}, a line ({@code ^} and {@code $} match at its ends). */
        private void findAll(int r, int from, int to) {
            Matcher m = matcher(r);
            m.useAnchoringBounds(true);
            m.region(from, to);
            while (m.find()) {
                if (m.end() > m.start()) {
                    accept(r, m);
                }
            }
        }

        /** The start of the word (letters, digits, {@code _ . -}) ending at {@code pos}'s word, or -1 if too long. */
        private int wordStart(int pos) {
            int limit = Math.max(0, pos - MAX_WORD_BACK);
            int i = pos;
            while (i > 0 && wordByte(data[i - 1])) {
                if (i == limit) {
                    return -1;
                }
                i--;
            }
            return i;
        }

        private void accept(int r, Matcher m) {
            if (candidates != null && candidates.size() >= MAX_CANDIDATES) {
                return;
            }
            SecretRule rule = rules[r];
            int group = secretGroup[r];
            int gs = m.start(group);
            int ge = m.end(group);
            if (gs < 0) {
                return;
            }
            RuleMatch match = new RuleMatch(m, text, path, data, length, gs, ge);
            if (!rule.check().accepts(match) || allowed(rule, text.subSequence(m.start(), m.end()))) {
                return;
            }
            if (candidates == null) {
                candidates = new ArrayList<>();
            }
            candidates.add(new Candidate(r, m.start(), m.end(), gs, ge, ExampleSecrets.isExample(text.substring(gs, ge))));
        }

        private boolean allowed(SecretRule rule, CharSequence matched) {
            for (AllowRule a : allowRules) {
                if (a.allows(path, matched)) {
                    return true;
                }
            }
            for (AllowRule a : rule.allowRules()) {
                if (a.allows(path, matched)) {
                    return true;
                }
            }
            return false;
        }

        List<SecretMatch> results() {
            if (candidates == null) {
                return List.of();
            }
            candidates.sort(Comparator.comparingInt(Candidate::matchStart).thenComparingInt(Candidate::rule));
            List<Candidate> kept = new ArrayList<>();
            int[] lines = new int[candidates.size()];
            Set<Long> ruleLines = new HashSet<>();
            int line = 1;
            int counted = 0;
            for (Candidate c : candidates) {
                line += newlines(counted, c.matchStart());
                counted = c.matchStart();
                if (ruleLines.add(((long) c.rule() << 32) | line)) {
                    lines[kept.size()] = line;
                    kept.add(c);
                }
            }
            List<SecretMatch> out = new ArrayList<>();
            for (int i = 0; i < kept.size() && out.size() < MAX_MATCHES_PER_FILE; i++) {
                Candidate c = kept.get(i);
                if (rules[c.rule()].generic() && shadowed(i, kept, lines)) {
                    continue;
                }
                SecretRule rule = rules[c.rule()];
                out.add(new SecretMatch(rule.id(), rule.category(), c.example() ? "LOW" : rule.severity(),
                        rule.title(), lines[i], excerpt(c), c.example()));
            }
            return out;
        }

        /**
         * A generic match whose secret a specific rule (or an earlier generic one) on the same line matched too;
         * {@code kept} is in order of position, so the matches of one line are next to each other.
         */
        private boolean shadowed(int i, List<Candidate> kept, int[] lines) {
            Candidate c = kept.get(i);
            int lo = i;
            while (lo > 0 && lines[lo - 1] == lines[i]) {
                lo--;
            }
            for (int j = lo; j < kept.size() && lines[j] == lines[i]; j++) {
                Candidate o = kept.get(j);
                if (j == i || !o.overlaps(c)) {
                    continue;
                }
                if (!rules[o.rule()].generic() || j < i) {
                    return true;
                }
            }
            return false;
        }

        private int newlines(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (data[i] == '\n') {
                    n++;
                }
            }
            return n;
        }

        private int lineStart(int pos, int reach) {
            int limit = Math.max(0, pos - reach);
            int i = pos;
            while (i > limit && data[i - 1] != '\n') {
                i--;
            }
            return i;
        }

        private int lineEnd(int pos, int reach) {
            int limit = Math.min(length, pos + reach);
            int i = pos;
            while (i < limit && data[i] != '\n') {
                i++;
            }
            if (i > pos && data[i - 1] == '\r') {
                i--;
            }
            return i;
        }

        /** The masked excerpt of the line of a match, around its secret (see {@link MaskedExcerpt}). */
        private String excerpt(Candidate c) {
            boolean hasSecret = c.secretEnd() > c.secretStart();
            int anchor = hasSecret ? c.secretStart() : c.matchStart();
            int anchorEnd = hasSecret ? c.secretEnd() : c.matchEnd();
            int from = lineStart(anchor, 80);
            int to = lineEnd(anchorEnd, 120);
            int[] spans = new int[8];
            int n = 0;
            for (Candidate o : candidates) {
                if (o.secretStart() < to && from < o.secretEnd() && o.secretEnd() > o.secretStart()) {
                    if (n == spans.length) {
                        spans = Arrays.copyOf(spans, n * 2);
                    }
                    spans[n++] = o.secretStart();
                    spans[n++] = o.secretEnd();
                }
            }
            return MaskedExcerpt.of(data, from, to, Arrays.copyOf(spans, n));
        }
    }

    private static boolean wordByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '.'
                || b == '-';
    }

}
