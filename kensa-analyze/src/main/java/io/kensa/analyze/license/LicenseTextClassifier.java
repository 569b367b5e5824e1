package io.kensa.analyze.license;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which licenses a text holds (a {@code LICENSE} file, a copyright file that is not machine-readable), in
 * three ways, strongest first:
 * <ol>
 *   <li>{@code SPDX-License-Identifier:} tags: the expression they give;</li>
 *   <li>the full text of one of the {@link #REFERENCE_IDS ~70 most common licenses}, as the SPDX list has it: the
 *       text and each license are reduced to word 3-grams (lower case, punctuation and copyright lines dropped; the
 *       parts the SPDX template marks optional left out of the license); a license is found when at least
 *       {@link #MIN_COVERAGE} of its 3-grams are in the text. Of two near-variants found together (MIT and MIT-0,
 *       BSD-2-Clause and BSD-3-Clause, CDDL-1.0 and CDDL-1.1: 80 % of one's 3-grams in the other), the one whose
 *       3-grams best match the text's (Dice coefficient) stays, and a license is only found when the text also
 *       holds part of what tells it from its variants (JSON is MIT plus one sentence);</li>
 *   <li>the GNU notices ({@link GnuNotices}: "… under the terms of the GNU General Public License as published by
 *       the Free Software Foundation; either version 2 of the License, or (at your option) any later version"),
 *       except those of a GNU license whose full text was found (its appendix holds such a notice).</li>
 * </ol>
 * A text that holds none of these yields nothing: an unknown text is never guessed. The license texts are read from
 * the bundled SPDX list when the first classifier is built. Immutable and safe to share between threads.
 */
public final class LicenseTextClassifier {
    /** The licenses whose full texts are recognised. */
    public static final List<String> REFERENCE_IDS = List.of(
            "MIT", "MIT-0", "X11", "ISC", "0BSD", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause",
            "Apache-1.0", "Apache-1.1", "Apache-2.0", "GPL-1.0-only", "GPL-2.0-only", "GPL-3.0-only", "LGPL-2.0-only",
            "LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "GFDL-1.2-only", "GFDL-1.3-only", "MPL-1.1", "MPL-2.0",
            "EPL-1.0", "EPL-2.0", "CPL-1.0", "CDDL-1.0", "CDDL-1.1", "EUPL-1.1", "EUPL-1.2", "Unlicense", "CC0-1.0",
            "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "WTFPL", "Zlib", "Libpng",
            "libpng-2.0", "bzip2-1.0.6", "BSL-1.0", "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-2.0", "OpenSSL",
            "Python-2.0", "PSF-2.0", "PostgreSQL", "Unicode-DFS-2016", "Unicode-3.0", "MS-PL", "MS-RL", "UPL-1.0",
            "NCSA", "curl", "Sleepycat", "FSFAP", "FSFULLR", "MIT-CMU", "OLDAP-2.8", "Beerware", "BlueOak-1.0.0", "ICU",
            "JSON", "AFL-3.0", "OSL-3.0", "OFL-1.1", "Ruby", "Vim", "W3C", "ZPL-2.1", "SSPL-1.0", "BUSL-1.1",
            "Elastic-2.0");
    /** Share of a license's 3-grams the text must hold. */
    static final double MIN_COVERAGE = 0.9;
    /** Share of one license's 3-grams in another that makes the two near-variants. */
    private static final double VARIANT = 0.8;
    /** Share of a license's 3-grams that makes it a candidate to replace a smaller variant found. */
    private static final double NEAR_COVERAGE = 0.8;
    private static final int MIN_EXTRA = 5;
    private static final double EXTRA_SHARE = 0.4;
    /** Share of a text's 3-grams a license must hold for the text to be that license (and little else). */
    private static final double WHOLE_TEXT = 0.5;
    private static final int MIN_DISTINCTIVE = 10;
    private static final double DISTINCTIVE_SHARE = 0.3;
    /** Only the start of a longer text is read. */
    static final int MAX_CHARS = 512 * 1024;
    private static final int MAX_TAGS = 16;
    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:[ \\t]*([^\\r\\n*]{1,300})");

    /** One license's 3-grams. */
    private record Reference(String id, Shingles shingles) {
    }

    private final List<Reference> references;
    private final SpdxLicenses licenses;
    private final Map<Integer, Shingles> distinctive = new ConcurrentHashMap<>();

    public LicenseTextClassifier(SpdxLicenses licenses) {
        this.licenses = licenses;
        List<Reference> refs = new ArrayList<>();
        for (String id : REFERENCE_IDS) {
            Optional<SpdxLicenseList.LicenseText> text = licenses.list().text(id);
            if (text.isPresent() && !text.get().text().isBlank()) {
                Shingles s = Shingles.of(words(text.get().text()));
                if (s.size() > 0) {
                    refs.add(new Reference(text.get().id(), s));
                }
            }
        }
        this.references = List.copyOf(refs);
    }

    /** Whether two licenses are near-variants: most of one's 3-grams are in the other. */
    private boolean variants(int i, int j) {
        if (i == j) {
            return false;
        }
        Shingles a = references.get(i).shingles();
        Shingles b = references.get(j).shingles();
        return a.common(b) >= VARIANT * a.size() || b.common(a) >= VARIANT * b.size();
    }

    /** The 3-grams of license {@code i} that none of its near-variants has (JSON's "Good, not Evil"). */
    private Shingles distinctive(int i) {
        return distinctive.computeIfAbsent(i, k -> {
            Shingles own = references.get(k).shingles();
            Shingles rest = own;
            for (int j = 0; j < references.size(); j++) {
                if (variants(k, j)) {
                    rest = rest.without(references.get(j).shingles());
                }
            }
            return rest;
        });
    }

    private static final class Bundled {
        static final LicenseTextClassifier INSTANCE = new LicenseTextClassifier(SpdxLicenses.bundled());
    }

    /** The classifier over the bundled SPDX list, built on first use (it reads ~70 license texts). */
    public static LicenseTextClassifier bundled() {
        return Bundled.INSTANCE;
    }

    /** The ids of the licenses whose texts are recognised (those the bundled list has). */
    public List<String> referenceIds() {
        return references.stream().map(Reference::id).toList();
    }

    /** The SPDX expressions the text declares or holds, strongest evidence first; empty when none. */
    public List<String> classify(String text) {
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> tags = tags(t);
        if (!tags.isEmpty()) {
            return tags;
        }
        Set<String> out = new LinkedHashSet<>(fullTexts(t));
        Set<String> gnuTexts = new HashSet<>();
        for (String id : out) {
            gnuTexts.add(GnuNotices.familyVersion(id));
        }
        for (String notice : GnuNotices.find(t, licenses.list())) {
            if (!gnuTexts.contains(GnuNotices.familyVersion(notice))) {
                out.add(notice);
            }
        }
        return List.copyOf(out);
    }

    /** The expressions of the text's {@code SPDX-License-Identifier:} tags. */
    private List<String> tags(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SPDX_TAG.matcher(text);
        while (m.find() && out.size() < MAX_TAGS) {
            String e = licenses.normalize(m.group(1).strip().replaceAll("\\s*(-->|\\*/)\\s*$", ""));
            if (e != null) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** The listed licenses whose full text the text holds. */
    List<String> fullTexts(String text) {
        Shingles doc = Shingles.of(words(text));
        if (doc.size() == 0) {
            return List.of();
        }
        record Hit(int index, double dice) {
        }
        List<Hit> hits = new ArrayList<>();
        List<Integer> near = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Shingles ref = references.get(i).shingles();
            int common = ref.common(doc);
            if (common >= MIN_COVERAGE * ref.size() && hasDistinctive(i, doc)) {
                hits.add(new Hit(i, 2.0 * common / (ref.size() + doc.size())));
            } else if (common >= NEAR_COVERAGE * ref.size()) {
                near.add(i);
            }
        }
        // a license found may be the smaller of two variants while the text, little more than that license, holds
        // the larger one in other words (qs's BSD-3-Clause says "The names of any contributors may not be used to
        // endorse…": BSD-2-Clause is found, and the text holds much of what BSD-3-Clause adds to it)
        List<Hit> upgraded = new ArrayList<>();
        for (Hit h : hits) {
            Hit better = h;
            boolean wholeText = references.get(h.index()).shingles().common(doc) >= WHOLE_TEXT * doc.size();
            for (int v : wholeText ? near : List.<Integer>of()) {
                if (variants(h.index(), v) && adds(h.index(), v, doc)) {
                    Shingles ref = references.get(v).shingles();
                    better = new Hit(v, 2.0 * ref.common(doc) / (ref.size() + doc.size()));
                    break;
                }
            }
            upgraded.add(better);
        }
        // of near-variants, the one that explains the text best (Dice: shared 3-grams against both sizes)
        upgraded.sort(Comparator.comparingDouble(Hit::dice).reversed());
        List<Hit> kept = new ArrayList<>();
        for (Hit h : upgraded) {
            if (kept.stream().noneMatch(k -> k.index() == h.index() || variants(k.index(), h.index()))) {
                kept.add(h);
            }
        }
        return kept.stream().map(h -> references.get(h.index()).id()).toList();
    }

    /**
     * Whether license {@code larger} is license {@code smaller} and more (most of smaller's 3-grams are in it), and
     * the text holds a good part of that more.
     */
    private boolean adds(int smaller, int larger, Shingles doc) {
        Shingles small = references.get(smaller).shingles();
        Shingles large = references.get(larger).shingles();
        if (small.common(large) < VARIANT * small.size()) {
            return false;
        }
        Shingles extra = large.without(small);
        return extra.size() >= MIN_EXTRA && extra.common(doc) >= EXTRA_SHARE * extra.size();
    }

    /**
     * Whether the text holds what tells license {@code i} from its near-variants: 30 % of those 3-grams, when there
     * are ten or more (JSON is MIT plus one sentence: an MIT text holds 95 % of JSON, but not that sentence; fewer
     * are mere differences in the way the SPDX templates are written).
     */
    private boolean hasDistinctive(int i, Shingles doc) {
        Shingles own = distinctive(i);
        return own.size() < MIN_DISTINCTIVE || own.common(doc) >= DISTINCTIVE_SHARE * own.size();
    }

    /**
     * The words of a text for comparison: copyright lines dropped, lower case, {@code licence} spelt
     * {@code license}, everything but letters and digits a separator. A copyright line, or a NUL (where a reduced
     * license template left an optional part out), is a gap: no 3-gram spans it.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (isCopyrightLine(text, lineStart, lineEnd)) {
                out.add(Shingles.GAP);
            } else {
                for (int i = lineStart; i <= lineEnd; i++) {
                    char c = i < lineEnd ? text.charAt(i) : ' ';
                    if (Character.isLetterOrDigit(c)) {
                        w.append(Character.toLowerCase(c));
                    } else {
                        flush(w, out);
                        if (c == LicenseTemplates.GAP) {
                            out.add(Shingles.GAP);
                        }
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /**
     * A copyright statement ("Copyright (c) 2014 …", "Copyright 2012-2016 …", "Copyright © …", "(C) 2009 …"): who
     * holds the rights, not the terms. A line that merely starts with the word ("COPYRIGHT HOLDERS BE LIABLE",
     * "copyright notice and this permission notice") is part of the terms.
     */
    private static boolean isCopyrightLine(String text, int start, int end) {
        int i = skipSpaces(text, start, end);
        boolean word = text.regionMatches(true, i, "copyright", 0, 9);
        if (word) {
            i = skipSpaces(text, i + 9, end);
            if (i < end && text.charAt(i) == ':') {
                i = skipSpaces(text, i + 1, end);
            }
        }
        if (i >= end) {
            return false;
        }
        char c = text.charAt(i);
        return c == '\u00a9' || word && Character.isDigit(c) || text.regionMatches(true, i, "(c)", 0, 3);
    }

    private static int skipSpaces(String text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (!w.isEmpty()) {
            String word = w.toString();
            out.add(word.equals("licence") ? "license" : word);
            w.setLength(0);
        }
    }

    /** A set of word 3-grams, each as a 64-bit hash, kept sorted for merging. */
    static final class Shingles {
        static final String GAP = "\u0000";
        private final long[] sorted;

        private Shingles(long[] sorted) {
            this.sorted = sorted;
        }

        static Shingles of(List<String> words) {
            long[] hashes = new long[Math.max(0, words.size() - 2)];
            int n = 0;
            for (int i = 0; i + 2 < words.size(); i++) {
                String a = words.get(i);
                String b = words.get(i + 1);
                String c = words.get(i + 2);
                if (!a.equals(GAP) && !b.equals(GAP) && !c.equals(GAP)) {
                    hashes[n++] = hash(a, b, c);
                }
            }
            long[] h = Arrays.copyOf(hashes, n);
            Arrays.sort(h);
            int distinct = 0;
            for (int i = 0; i < h.length; i++) {
                if (i == 0 || h[i] != h[i - 1]) {
                    h[distinct++] = h[i];
                }
            }
            return new Shingles(Arrays.copyOf(h, distinct));
        }

        private static long hash(String a, String b, String c) {
            long h = 1125899906842597L;
            for (String s : new String[] {a, b, c}) {
                for (int i = 0; i < s.length(); i++) {
                    h = 31 * h + s.charAt(i);
                }
                h = 31 * h + ' ';
            }
            return h ^ (h >>> 29);
        }

        int size() {
            return sorted.length;
        }

        /** How many of this set's 3-grams {@code other} holds. */
        int common(Shingles other) {
            long[] a = sorted;
            long[] b = other.sorted;
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < a.length && j < b.length) {
                if (a[i] == b[j]) {
                    n++;
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return n;
        }

        /** The 3-grams of this set that {@code other} does not have. */
        Shingles without(Shingles other) {
            long[] a = sorted;
            long[] b = other.sorted;
            long[] out = new long[a.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < a.length) {
                if (j >= b.length || a[i] < b[j]) {
                    out[n++] = a[i++];
                } else if (a[i] == b[j]) {
                    i++;
                    j++;
                } else {
                    j++;
                }
            }
            return new Shingles(Arrays.copyOf(out, n));
        }
    }
}
