package io.kensa.analyze.license;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns declared licenses, as package metadata writes them, into SPDX license expressions:
 * <ul>
 *   <li>SPDX expressions in any letter case ({@code mit}, {@code (MIT or Apache-2.0)}), deprecated ids replaced as
 *       the SPDX list says ({@code GPL-2.0+} → {@code GPL-2.0-or-later});</li>
 *   <li>names ({@code The Apache Software License, Version 2.0}, {@code Eclipse Public License 1.0}), versioned
 *       families ({@code GPLv2+}, {@code LGPL 2.1}, {@code ASL 2.0}), URLs
 *       ({@code http://www.apache.org/licenses/LICENSE-2.0.txt}), see {@link LicenseNames};</li>
 *   <li>compound declarations whose operands are such names: rpm's {@code GPLv2+ and LGPLv2+}, Debian's
 *       {@code GPL-1+ or Artistic, and Expat} (a comma before the operator groups what precedes it),
 *       {@code GPL-2+ with Libtool exception}, Alpine's space-separated {@code MIT BSD GPL2+};</li>
 *   <li>anything else becomes {@code LicenseRef-} and the declaration's text with the characters SPDX does not allow
 *       replaced: it is never guessed. An exception SPDX does not list becomes {@code AdditionRef-…} (SPDX 3).</li>
 * </ul>
 * Immutable and safe to share between threads.
 */
public final class SpdxLicenses {
    /** The prefix SPDX gives licenses it does not list. */
    public static final String LICENSE_REF = "LicenseRef-";
    static final String ADDITION_REF = "AdditionRef-";
    /** A declaration longer than this is a license text, not a name: it is not parsed. */
    static final int MAX_DECLARATION = 512;
    private static final int MAX_REF = 64;

    private static final Pattern OR_LATER = Pattern.compile(
            "\\s*,?\\s+(or|and)\\s+(any\\s+)?(later|newer|greater|higher)(\\s+versions?)?(\\s+of\\s+the\\s+licen[cs]e)?"
                    + "(?=$|[\\s,;)])", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPHEN_WITH = Pattern.compile("-with-", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMA_OPERATOR = Pattern.compile(",\\s*(and|or)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("^([^()]*[^()\\s])\\s*\\(([^()]+)\\)$");
    private static final Pattern OPERATOR_WORD = Pattern.compile("(?i)(^|\\s)(and|or|with)(\\s|$)");
    private static final Pattern REF_CHARS = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Set<String> NO_LICENSE = Set.of("noassertion", "none", "unknown", "n/a", "-");

    private final SpdxLicenseList list;
    private final LicenseNames names;

    public SpdxLicenses(SpdxLicenseList list) {
        this.list = list;
        this.names = new LicenseNames(list);
    }

    private static final class Bundled {
        static final SpdxLicenses INSTANCE = new SpdxLicenses(SpdxLicenseList.bundled());
    }

    /** The normaliser over the bundled SPDX list, built once. */
    public static SpdxLicenses bundled() {
        return Bundled.INSTANCE;
    }

    public SpdxLicenseList list() {
        return list;
    }

    /** The SPDX expression of one declaration, as text; null when the declaration says nothing. */
    public String normalize(String declared) {
        return parse(declared).map(LicenseExpression::toString).orElse(null);
    }

    /** The SPDX expressions of several declarations, each once, in order. */
    public List<String> normalize(List<String> declared) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : declared) {
            String e = normalize(d);
            if (e != null) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The expression of one declaration; empty when it is blank or says there is no information
     * ({@code NOASSERTION}, {@code NONE}, {@code UNKNOWN}).
     */
    public Optional<LicenseExpression> parse(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String text = declared.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || NO_LICENSE.contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (text.length() > MAX_DECLARATION) {
            return Optional.of(ref(text));
        }
        LicenseExpression e = understand(text);
        return Optional.of(e != null ? e : ref(text));
    }

    /** The expression of {@code text}, or null when it is not understood. */
    private LicenseExpression understand(String text) {
        LicenseExpression strict = ExpressionParser.parse(text, strictAtoms, false);
        if (strict != null) {
            return strict;
        }
        LicenseExpression named = name(text);
        if (named != null) {
            return named;
        }
        String prepared = HYPHEN_WITH.matcher(OR_LATER.matcher(text.replace('_', ' ')).replaceAll("+"))
                .replaceAll(" with ").replace(" & ", " and ");
        if (!prepared.equals(text)) {
            named = name(prepared);
            if (named != null) {
                return named;
            }
        }
        LicenseExpression lenient = commaGrouped(prepared, lenientAtoms);
        if (lenient != null) {
            return lenient;
        }
        Matcher parenthesis = TRAILING_PARENTHESIS.matcher(prepared);
        if (parenthesis.matches() && !OPERATOR_WORD.matcher(parenthesis.group(1)).find()) {
            // "Mozilla Public License 2.0 (MPL 2.0)": a name and its abbreviation
            LicenseExpression e = name(parenthesis.group(1));
            if (e == null) {
                e = ExpressionParser.parse(parenthesis.group(2), lenientAtoms, true);
            }
            if (e != null) {
                return e;
            }
        }
        // operands the lists do not know become LicenseRefs of their own, provided some operand is a known license:
        // "OpenLDAP-2.8 and UMich" keeps OLDAP-2.8, a sentence that happens to say "and" stays one LicenseRef
        LicenseExpression partly = commaGrouped(prepared, refAtoms);
        return partly != null && hasKnownLicense(partly) ? partly : null;
    }

    private static boolean hasKnownLicense(LicenseExpression e) {
        boolean[] known = {false};
        e.forEachLicense(l -> known[0] |= !l.isRef());
        return known[0];
    }

    /**
     * Debian's copyright format: "{@code A or B, and C}" is {@code (A OR B) AND C}: a comma before an operator
     * closes what precedes it. Without such commas, the lenient parse of the whole text.
     */
    private LicenseExpression commaGrouped(String text, ExpressionParser.Atoms atoms) {
        Matcher m = COMMA_OPERATOR.matcher(text);
        LicenseExpression result = null;
        int start = 0;
        String operator = null;
        while (m.find()) {
            LicenseExpression part = ExpressionParser.parse(text.substring(start, m.start()), atoms, true);
            if (part == null) {
                return null;
            }
            result = combine(result, part, operator);
            operator = m.group(1).toLowerCase(Locale.ROOT);
            start = m.end();
        }
        LicenseExpression last = ExpressionParser.parse(text.substring(start), atoms, true);
        return last == null ? null : combine(result, last, operator);
    }

    private static LicenseExpression combine(LicenseExpression left, LicenseExpression right, String operator) {
        if (left == null) {
            return right;
        }
        return "or".equals(operator) ? LicenseExpression.or(List.of(left, right))
                : LicenseExpression.and(List.of(left, right));
    }

    /** A single name, URL or alias, or null. */
    private LicenseExpression name(String text) {
        String expression = names.lookup(text);
        return expression == null ? null : ExpressionParser.parse(expression, strictAtoms, false);
    }

    /** SPDX ids (any case, {@code +}, deprecated ids replaced) and {@code LicenseRef-}s, one word each. */
    private final ExpressionParser.Atoms strictAtoms = new ExpressionParser.Atoms() {
        @Override
        public LicenseExpression license(String word) {
            return strictLicense(word);
        }

        @Override
        public String exception(String word, LicenseExpression.License license) {
            if (word.startsWith(ADDITION_REF) && REF_CHARS.matcher(word).matches()) {
                return word;
            }
            return list.exceptionId(word).orElse(null);
        }
    };

    /** Every word up to the next operator: an id, a name, or several ids and names in a row (Alpine's lists). */
    private final ExpressionParser.Atoms lenientAtoms = new ExpressionParser.Atoms() {
        @Override
        public LicenseExpression license(String text) {
            LicenseExpression e = text.indexOf(' ') < 0 ? strictLicense(text) : null;
            if (e == null) {
                e = name(text);
            }
            if (e == null && text.indexOf(' ') > 0) {
                e = eachWord(text);
            }
            return e;
        }

        @Override
        public String exception(String text, LicenseExpression.License license) {
            String id = names.exception(text, license);
            return id != null ? id : ADDITION_REF + sanitize(text);
        }
    };

    /** As {@link #lenientAtoms}, but an operand nothing knows is a {@code LicenseRef-} of its words. */
    private final ExpressionParser.Atoms refAtoms = new ExpressionParser.Atoms() {
        @Override
        public LicenseExpression license(String text) {
            LicenseExpression e = lenientAtoms.license(text);
            return e != null ? e : ref(text);
        }

        @Override
        public String exception(String text, LicenseExpression.License license) {
            return lenientAtoms.exception(text, license);
        }
    };

    /** "MIT BSD GPL2+": each word a license of its own, all of which apply; null unless every word is one. */
    private LicenseExpression eachWord(String text) {
        List<LicenseExpression> parts = new ArrayList<>();
        for (String w : text.split(" ")) {
            LicenseExpression e = strictLicense(w);
            if (e == null) {
                e = name(w);
            }
            if (e == null) {
                return null;
            }
            parts.add(e);
        }
        return LicenseExpression.and(parts);
    }

    private LicenseExpression strictLicense(String word) {
        if (isRef(word)) {
            return new LicenseExpression.License(word);
        }
        boolean plus = word.endsWith("+") && word.length() > 1;
        String id = plus ? word.substring(0, word.length() - 1) : word;
        Optional<SpdxLicenseList.License> listed = list.license(id);
        if (listed.isEmpty()) {
            return null;
        }
        SpdxLicenseList.License l = listed.get();
        if (!l.deprecated()) {
            if (plus) {
                return orLater(l.id());
            }
            return new LicenseExpression.License(l.id());
        }
        String gnu = gnuReplacement(l.id(), plus);
        if (gnu != null) {
            return new LicenseExpression.License(gnu);
        }
        if (!plus) {
            LicenseExpression replaced = name(l.id());
            if (replaced != null) {
                return replaced;
            }
        }
        return new LicenseExpression.License(l.id(), plus);
    }

    /** {@code X-only+} is {@code X-or-later}; any other {@code id+} keeps SPDX's {@code +}. */
    private LicenseExpression orLater(String id) {
        if (id.endsWith("-only")) {
            String later = id.substring(0, id.length() - 5) + "-or-later";
            if (list.license(later).isPresent()) {
                return new LicenseExpression.License(later);
            }
        }
        if (id.endsWith("-or-later")) {
            return new LicenseExpression.License(id);
        }
        return new LicenseExpression.License(id, true);
    }

    /** The deprecated GNU ids ({@code GPL-2.0}, {@code LGPL-2.1+}): their {@code -only} / {@code -or-later} ids. */
    private String gnuReplacement(String id, boolean plus) {
        boolean later = plus || id.endsWith("+");
        String base = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        String replacement = base + (later ? "-or-later" : "-only");
        return list.license(replacement).map(SpdxLicenseList.License::id).orElse(null);
    }

    private static boolean isRef(String word) {
        if (word.startsWith(LICENSE_REF)) {
            return word.length() > LICENSE_REF.length() && REF_CHARS.matcher(word).matches();
        }
        if (word.startsWith("DocumentRef-")) {
            int colon = word.indexOf(':');
            return colon > 0 && word.startsWith(LICENSE_REF, colon + 1)
                    && REF_CHARS.matcher(word.substring(0, colon)).matches()
                    && REF_CHARS.matcher(word.substring(colon + 1)).matches();
        }
        return false;
    }

    /** {@code LicenseRef-} and the declaration, its characters reduced to those SPDX allows. */
    static LicenseExpression.License ref(String text) {
        return new LicenseExpression.License(LICENSE_REF + sanitize(text));
    }

    /** Letters, digits, dots and hyphens; every other run of characters one hyphen; at most 64 characters. */
    static String sanitize(String text) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < text.length() && b.length() < MAX_REF; i++) {
            char c = text.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
            if (c == '+') {
                if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') {
                    b.append('-');
                }
                b.append("plus");
                gap = true;
                continue;
            }
            if (ok) {
                if (gap && !b.isEmpty() && b.charAt(b.length() - 1) != '-') {
                    b.append('-');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        String s = b.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "unknown" : s;
    }
}
