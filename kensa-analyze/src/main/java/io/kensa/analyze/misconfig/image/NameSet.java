package io.kensa.analyze.misconfig.image;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A set of file or directory names that answers "is this part of a path one of them" without allocating: the
 * analyzers' {@code wants} runs for every file of every layer, so the common "no" must be cheap. The part's hash is
 * computed in place and looked up among the names' hashes; only a hash hit builds the string to confirm.
 */
final class NameSet {
    private final Set<String> names;
    private final int[] hashes;
    private final int maxLength;
    private final boolean lowerCase;

    private NameSet(Collection<String> names, boolean lowerCase) {
        this.lowerCase = lowerCase;
        this.names = Set.copyOf(lowerCase ? names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList() : names);
        this.hashes = this.names.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
        this.maxLength = this.names.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Names compared exactly. */
    static NameSet of(Collection<String> names) {
        return new NameSet(names, false);
    }

    /** Names compared without regard to ASCII case. */
    static NameSet ignoringCase(Collection<String> names) {
        return new NameSet(names, true);
    }

    /** Whether {@code s.substring(from, to)} is one of the names. */
    boolean contains(String s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > maxLength) {
            return false;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (lowerCase && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            h = 31 * h + c;
        }
        if (Arrays.binarySearch(hashes, h) < 0) {
            return false;
        }
        String part = s.substring(from, to);
        return names.contains(lowerCase ? part.toLowerCase(Locale.ROOT) : part);
    }

    boolean contains(String s) {
        return contains(s, 0, s.length());
    }
}
