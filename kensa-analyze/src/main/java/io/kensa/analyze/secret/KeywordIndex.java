package io.kensa.analyze.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every keyword of every rule in one pass over a file's bytes, ignoring ASCII case. Each keyword is
 * represented by its rarest two-byte pair (by the frequency of its bytes in text); each position's pair (case
 * folded) is looked up in a bit set of those pairs. No step depends on the previous one, so the processor overlaps
 * the loads of consecutive positions, which an automaton's state chain cannot; only where a pair matches are the
 * keywords holding it compared in full. Immutable, safe for any number of threads.
 */
final class KeywordIndex {
    /** Occurrences kept per file: a file made of keywords (hostile) is not followed past this many. */
    static final int MAX_HITS = 1 << 20;
    private static final int ID_BITS = 20;
    private static final int MAX_OFFSET = 255;
    /** Rough frequency of lower-case letters in text and code, in per mille, a to z. */
    private static final int[] LETTER_FREQUENCY = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1,
            60, 63, 91, 28, 10, 24, 2, 20, 1};

    /** One bit per folded byte pair. */
    private final long[] pairs = new long[1 << 10];
    /** For each folded pair, the keywords holding it: (keyword id) << 8 | offset of the pair in the keyword. */
    private final int[][] byPair = new int[1 << 16][];
    /** The keywords, lower-case, as bytes. */
    private final byte[][] bytes;
    private final List<String> keywords;

    /** @param keywordList keywords of at least two bytes (shorter ones cannot be indexed) */
    KeywordIndex(List<String> keywordList) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String k : keywordList) {
            if (k.getBytes(StandardCharsets.UTF_8).length < 2) {
                throw new IllegalArgumentException("keyword shorter than two bytes: " + k);
            }
            ids.putIfAbsent(Ascii.lower(k), ids.size());
        }
        if (ids.size() >= 1 << ID_BITS) {
            throw new IllegalArgumentException("too many keywords: " + ids.size());
        }
        keywords = List.copyOf(ids.keySet());
        bytes = new byte[keywords.size()][];
        Map<Integer, List<Integer>> lists = new LinkedHashMap<>();
        for (int id = 0; id < keywords.size(); id++) {
            byte[] b = keywords.get(id).getBytes(StandardCharsets.UTF_8);
            bytes[id] = b;
            int offset = rarestPair(b);
            int pair = pair(b[offset], b[offset + 1]);
            pairs[pair >>> 6] |= 1L << pair;
            lists.computeIfAbsent(pair, p -> new ArrayList<>()).add(id << 8 | offset);
        }
        lists.forEach((p, l) -> byPair[p] = l.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The offset of the pair of bytes least likely in text, by the product of their frequencies. */
    private static int rarestPair(byte[] b) {
        int best = 0;
        long bestScore = Long.MAX_VALUE;
        for (int i = 0; i + 1 < b.length && i <= MAX_OFFSET; i++) {
            long score = (long) frequency(b[i]) * frequency(b[i + 1]);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static int frequency(byte b) {
        int c = Ascii.lower(b & 0xff);
        if (c >= 'a' && c <= 'z') {
            return LETTER_FREQUENCY[c - 'a'] + 1;
        }
        if (c >= '0' && c <= '9') {
            return 8;
        }
        return switch (c) {
            case ' ' -> 150;
            case '_', '.' -> 40;
            case '\n', ',', '"', '\'', '(', ')', '=', '/', '-', ':' -> 15;
            default -> 4;
        };
    }

    /** Folds ASCII letters to lower case (and maps a few other bytes together, which the full comparison sorts out). */
    private static int fold(byte b) {
        return (b | 0x20) & 0xff;
    }

    private static int pair(byte a, byte b) {
        return fold(a) << 8 | fold(b);
    }

    /** The distinct lower-case keywords, in id order. */
    List<String> keywords() {
        return keywords;
    }

    /** The id of a keyword (any case), or -1. */
    int id(String keyword) {
        return keywords.indexOf(Ascii.lower(keyword));
    }

    int length(int keywordId) {
        return bytes[keywordId].length;
    }

    /**
     * Every occurrence of every keyword in {@code data[0, length)}, in order of their start (at most
     * {@link #MAX_HITS}), or null when there is none: the common case, which allocates nothing.
     */
    Hits find(byte[] data, int length) {
        if (keywords.isEmpty() || length < 2) {
            return null;
        }
        final long[] set = pairs;
        Hits hits = null;
        int prev = fold(data[0]);
        for (int i = 1; i < length; i++) {
            int cur = fold(data[i]);
            int p = prev << 8 | cur;
            prev = cur;
            if ((set[p >>> 6] & (1L << p)) != 0) {
                hits = verify(data, length, i - 1, byPair[p], hits);
            }
        }
        if (hits != null) {
            hits.sort();
        }
        return hits;
    }

    private Hits verify(byte[] data, int length, int at, int[] candidates, Hits hits) {
        for (int c : candidates) {
            byte[] kw = bytes[c >>> 8];
            int start = at - (c & 0xff);
            if (start < 0 || start + kw.length > length) {
                continue;
            }
            int j = 0;
            while (j < kw.length && Ascii.lower(data[start + j]) == kw[j]) {
                j++;
            }
            if (j == kw.length) {
                if (hits == null) {
                    hits = new Hits();
                }
                hits.add(start, c >>> 8);
            }
        }
        return hits;
    }

    /** Keyword occurrences, as {@code start << 20 | keyword id}. */
    static final class Hits {
        private long[] packed = new long[8];
        private int size;
        private boolean sorted = true;

        private void add(int start, int keyword) {
            if (size == MAX_HITS) {
                return;
            }
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            long v = (long) start << ID_BITS | keyword;
            if (size > 0 && v < packed[size - 1]) {
                sorted = false;
            }
            packed[size++] = v;
        }

        private void sort() {
            if (!sorted) {
                Arrays.sort(packed, 0, size);
                sorted = true;
            }
        }

        int size() {
            return size;
        }

        int start(int i) {
            return (int) (packed[i] >>> ID_BITS);
        }

        int keyword(int i) {
            return (int) (packed[i] & ((1 << ID_BITS) - 1));
        }
    }

    @Override
    public String toString() {
        return "KeywordIndex" + keywords;
    }
}
