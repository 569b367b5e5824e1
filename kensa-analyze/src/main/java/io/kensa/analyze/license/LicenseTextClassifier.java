package io.kensa.analyze.license;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 *       BSD-2-Clause and BSD-3-Clause, CDDL-1.0 and CDDL-1.1: 80 % of one's 3-grams in the other), the one sharing
 *       more 3-grams with the text stays;</li>
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
    /** Only the start of a longer text is read. */
    static final int MAX_CHARS = 512 * 1024;
    private static final int MAX_TAGS = 16;
    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:[ \\t]*([^\\r\\n*]{1,300})");
    private static final Pattern COPYRIGHT_LINE = Pattern.compile("^\\s*(copyright\\b|\\(c\\)|©)",
            Pattern.CASE_INSENSITIVE);

    /** One license's 3-grams. */
    private record Reference(String id, Shingles shingles) {
    }

    private final List<Reference> references;
    private final boolean[][] variants;
    private final SpdxLicenses licenses;

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
        this.variants = new boolean[refs.size()][refs.size()];
        for (int i = 0; i < refs.size(); i++) {
            for (int j = 0; j < refs.size(); j++) {
                Shingles a = refs.get(i).shingles();
                Shingles b = refs.get(j).shingles();
                variants[i][j] = i != j && (a.common(b) >= VARIANT * a.size() || b.common(a) >= VARIANT * b.size());
            }
        }
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
        record Hit(int index, int common) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Shingles ref = references.get(i).shingles();
            int common = ref.common(doc);
            if (common >= MIN_COVERAGE * ref.size()) {
                hits.add(new Hit(i, common));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::common).reversed());
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            if (kept.stream().noneMatch(k -> variants[k.index()][h.index()])) {
                kept.add(h);
            }
        }
        return kept.stream().map(h -> references.get(h.index()).id()).toList();
    }

    /**
     * The words of a text for comparison: copyright lines dropped, lower case, {@code licence} spelt
     * {@code license}, everything but letters and digits a separator. A NUL in a reduced license template marks a
     * gap (an optional part left out): no 3-gram spans it.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (COPYRIGHT_LINE.matcher(line).find()) {
                out.add(Shingles.GAP);
                continue;
            }
            StringBuilder w = new StringBuilder();
            for (int i = 0; i <= line.length(); i++) {
                char c = i < line.length() ? line.charAt(i) : ' ';
                if (c == LicenseTemplates.GAP) {
                    flush(w, out);
                    out.add(Shingles.GAP);
                } else if (Character.isLetterOrDigit(c)) {
                    w.append(Character.toLowerCase(c));
                } else {
                    flush(w, out);
                }
            }
        }
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (!w.isEmpty()) {
            String word = w.toString();
            out.add(word.equals("licence") ? "license" : word.toLowerCase(Locale.ROOT));
            w.setLength(0);
        }
    }

    /** A set of word 3-grams, each as a 64-bit hash. */
    static final class Shingles {
        static final String GAP = "\u0000";
        private final Set<Long> set;

        private Shingles(Set<Long> set) {
            this.set = set;
        }

        static Shingles of(List<String> words) {
            Set<Long> set = new HashSet<>();
            for (int i = 0; i + 2 < words.size(); i++) {
                String a = words.get(i);
                String b = words.get(i + 1);
                String c = words.get(i + 2);
                if (a.equals(GAP) || b.equals(GAP) || c.equals(GAP)) {
                    continue;
                }
                set.add(hash(a, b, c));
            }
            return new Shingles(set);
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
            return set.size();
        }

        /** How many of this set's 3-grams {@code other} holds. */
        int common(Shingles other) {
            int n = 0;
            for (Long k : set) {
                if (other.set.contains(k)) {
                    n++;
                }
            }
            return n;
        }
    }
}
