package io.kensa.analyze.license;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single license name means, from the words people write rather than SPDX ids: the full names of the SPDX
 * list ({@code Eclipse Public License 1.0}), the list's reference URLs, a table of common declarations the list
 * does not spell ({@code license-aliases.tsv}: Debian's {@code Expat}, Maven's {@code The Apache Software License,
 * Version 2.0}, Fedora's {@code GPL+} …), and license families with a version ({@code GPLv2+}, {@code LGPL 2.1},
 * {@code ASL 2.0}, {@code Apache 2}). A family named without a version ({@code BSD}, {@code GPL}) is not guessed:
 * it becomes {@code LicenseRef-<family>}, whose category is still known (every BSD license is a notice license).
 */
final class LicenseNames {
    private static final Pattern OR_LATER = Pattern.compile(
            " (or|and) (any )?(later|newer|greater|higher)( version)?( of the license)?\\b");
    private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");
    private static final Set<String> FILLER = Set.of("the", "license", "licence", "licenses", "version", "v", "ver",
            "vers", "software");
    private static final Pattern FAMILY_VERSION = Pattern.compile("^(?<family>[a-z ]+?) (?<version>\\d+(\\.\\d+)?)"
            + "(?<plus>\\+)?(?<only> only)?$");

    /** A family of licenses told apart by version. */
    private record Family(String prefix, boolean gnu, String unversioned) {
    }

    private static final Map<String, Family> FAMILIES = families();
    private static final String EXCEPTION_PREFIX = "exception:";

    private final SpdxLicenseList list;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, String> byUrl = new HashMap<>();
    private final Map<String, String> exceptionAliases = new HashMap<>();

    LicenseNames(SpdxLicenseList list) {
        this.list = list;
        Set<String> ambiguous = new HashSet<>();
        Map<String, Set<String>> urls = new HashMap<>();
        for (SpdxLicenseList.License l : list.licenses()) {
            if (l.deprecated()) {
                continue;
            }
            for (String k : new String[] {key(l.name()), key(l.id())}) {
                String old = byName.putIfAbsent(k, l.id());
                if (old != null && !old.equals(l.id())) {
                    ambiguous.add(k);
                }
            }
            for (String u : l.seeAlso()) {
                urls.computeIfAbsent(url(u), x -> new HashSet<>()).add(l.id());
            }
        }
        ambiguous.forEach(byName::remove);
        urls.forEach((u, ids) -> {
            String id = ids.size() == 1 ? ids.iterator().next() : onlyOfGnuPair(ids);
            if (id != null) {
                byUrl.put(u, id);
            }
        });
        loadAliases();
    }

    /**
     * A URL both {@code X-only} and {@code X-or-later} list names the license's text, which is what {@code X-only}
     * stands for (as a license text found alone is classified); any other URL shared by licenses means nothing.
     */
    private static String onlyOfGnuPair(Set<String> ids) {
        if (ids.size() != 2) {
            return null;
        }
        for (String id : ids) {
            if (id.endsWith("-only") && ids.contains(id.substring(0, id.length() - 5) + "-or-later")) {
                return id;
            }
        }
        return null;
    }

    private void loadAliases() {
        String resource = "license-aliases.tsv";
        try (InputStream in = LicenseNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(resource + ": no tab in '" + line + "'");
                }
                String name = line.substring(0, tab).strip();
                String expression = line.substring(tab + 1).strip();
                if (name.startsWith(EXCEPTION_PREFIX)) {
                    exceptionAliases.put(key(name.substring(EXCEPTION_PREFIX.length())), expression);
                } else if (name.startsWith("http://") || name.startsWith("https://")) {
                    byUrl.put(url(name), expression);
                } else {
                    aliases.put(key(name), expression);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alias: key → expression text (for tests). */
    Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    /**
     * The expression text a single name (or URL) stands for: an SPDX expression string, or null when the name is
     * unknown.
     */
    String lookup(String name) {
        String trimmed = name.strip();
        if (looksLikeUrl(trimmed)) {
            return byUrl.get(url(trimmed));
        }
        String k = key(trimmed);
        if (k.isEmpty()) {
            return null;
        }
        String alias = aliases.get(k);
        if (alias != null) {
            return alias;
        }
        String id = byName.get(k);
        if (id != null) {
            return id;
        }
        return family(k);
    }

    /**
     * The listed exception a name stands for, with the license it applies to: an id in any case, the exception's
     * full name, its name completed by the license's major version ({@code Autoconf exception} with GPL-3 is
     * {@code Autoconf exception 3.0}, {@code GCC Runtime Library exception} with GPL-3 is {@code … 3.1}), or a
     * documented alias. Null when none fits.
     */
    String exception(String name, LicenseExpression.License license) {
        String trimmed = name.strip();
        var id = list.exceptionId(trimmed);
        if (id.isPresent()) {
            return id.get();
        }
        String k = key(trimmed);
        String alias = exceptionAliases.get(k);
        if (alias != null) {
            return alias;
        }
        var byName = list.exceptionByNameKey(k);
        if (byName.isPresent()) {
            return byName.get();
        }
        Matcher major = Pattern.compile("-(\\d+)\\.").matcher(license.id());
        if (major.find()) {
            for (String minor : new String[] {".0", ".1"}) {
                var versioned = list.exceptionByNameKey(k + " " + major.group(1) + minor);
                if (versioned.isPresent()) {
                    return versioned.get();
                }
            }
        }
        return null;
    }

    private String family(String k) {
        Family unversioned = FAMILIES.get(k);
        if (unversioned != null) {
            return unversioned.unversioned();
        }
        Matcher m = FAMILY_VERSION.matcher(k);
        if (!m.matches()) {
            return null;
        }
        Family f = FAMILIES.get(m.group("family"));
        if (f == null) {
            return null;
        }
        String version = m.group("version");
        boolean plus = m.group("plus") != null;
        if (f.prefix().equals("BSD")) {
            String id = "BSD-" + version.replace(".0", "") + "-Clause";
            return plus || list.license(id).isEmpty() ? null : id;
        }
        String base = f.prefix() + "-" + version;
        if (f.gnu()) {
            String id = base + (plus ? "-or-later" : "-only");
            return list.license(id).map(SpdxLicenseList.License::id).orElse(null);
        }
        return list.license(base).map(l -> l.id() + (plus ? "+" : "")).orElse(null);
    }

    static boolean looksLikeUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return (l.startsWith("http://") || l.startsWith("https://") || l.startsWith("www.")) && s.indexOf(' ') < 0;
    }

    /**
     * The comparable form of a license name: lower case, {@code licence} spelt {@code license}, punctuation and the
     * words {@code the}, {@code license}, {@code version}, {@code v}, {@code software} dropped, letters and digits
     * split ({@code gplv2} → {@code gpl 2.0}), whole-number versions with {@code .0}, "or later" as {@code +}.
     */
    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("licence", "license").replace('_', ' ');
        s = s.replaceAll("[^a-z0-9.+]+", " ");
        s = LETTER_DIGIT.matcher(s).replaceAll(" ");
        s = " " + s.strip() + " ";
        s = OR_LATER.matcher(s).replaceAll("+ ");
        String[] words = s.trim().split(" +");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = trimDots(words[i]);
            boolean plus = word.endsWith("+");
            word = word.replace("+", "");
            // "gplv2" split to "gplv 2": the v is "version"
            if (word.length() > 1 && word.endsWith("v") && i + 1 < words.length && !words[i + 1].isEmpty()
                    && Character.isDigit(words[i + 1].charAt(0))) {
                word = word.substring(0, word.length() - 1);
            }
            if (!word.isEmpty() && word.chars().allMatch(Character::isDigit) && word.length() <= 2) {
                word = word + ".0";
            }
            if (!word.isEmpty() && !FILLER.contains(word)) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(word);
            }
            if (plus && !b.isEmpty() && b.charAt(b.length() - 1) != '+') {
                b.append('+');
            }
        }
        return b.toString();
    }

    private static String trimDots(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && w.charAt(start) == '.') {
            start++;
        }
        while (end > start && w.charAt(end - 1) == '.') {
            end--;
        }
        return w.substring(start, end);
    }

    /**
     * The comparable form of a license URL: no scheme, no {@code www.}, no query or fragment, no trailing slash or
     * file extension ({@code .txt}, {@code .html}, {@code .php} …), lower case; opensource.org's {@code /licenses/}
     * and {@code /license/} and its {@code -license} suffix read alike.
     */
    static String url(String u) {
        String s = u.strip().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replaceFirst("\\.(txt|html?|php|md|rtf)$", "");
        if (s.startsWith("opensource.org/licenses/")) {
            s = "opensource.org/license/" + s.substring("opensource.org/licenses/".length());
        }
        if (s.startsWith("opensource.org/license/") && s.endsWith("-license")) {
            s = s.substring(0, s.length() - "-license".length());
        }
        return s;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static Map<String, Family> families() {
        Map<String, Family> m = new LinkedHashMap<>();
        Family gpl = new Family("GPL", true, "LicenseRef-GPL");
        Family lgpl = new Family("LGPL", true, "LicenseRef-LGPL");
        Family agpl = new Family("AGPL", true, "LicenseRef-AGPL");
        Family gfdl = new Family("GFDL", true, "LicenseRef-GFDL");
        Family apache = new Family("Apache", false, "LicenseRef-Apache");
        Family mpl = new Family("MPL", false, "LicenseRef-MPL");
        Family epl = new Family("EPL", false, "LicenseRef-EPL");
        Family cddl = new Family("CDDL", false, "LicenseRef-CDDL");
        Family artistic = new Family("Artistic", false, "LicenseRef-Artistic");
        Family bsd = new Family("BSD", false, "LicenseRef-BSD");
        for (String k : new String[] {"gpl", "gnu gpl", "gnu general public", "general public", "gnu public"}) {
            m.put(k, gpl);
        }
        for (String k : new String[] {"lgpl", "gnu lgpl", "gnu lesser general public", "lesser general public",
                "gnu library general public", "library general public", "gnu lesser", "gnu library", "lesser gpl",
                "gnu lesser gpl", "library gpl"}) {
            m.put(k, lgpl);
        }
        for (String k : new String[] {"agpl", "gnu agpl", "gnu affero general public", "affero general public",
                "affero gpl", "gnu affero gpl"}) {
            m.put(k, agpl);
        }
        for (String k : new String[] {"gfdl", "gnu fdl", "gnu free documentation", "free documentation"}) {
            m.put(k, gfdl);
        }
        for (String k : new String[] {"apache", "asl", "apache software", "al"}) {
            m.put(k, apache);
        }
        for (String k : new String[] {"mpl", "mozilla public", "mozilla"}) {
            m.put(k, mpl);
        }
        for (String k : new String[] {"epl", "eclipse public", "eclipse"}) {
            m.put(k, epl);
        }
        for (String k : new String[] {"cddl", "common development and distribution"}) {
            m.put(k, cddl);
        }
        m.put("artistic", artistic);
        for (String k : new String[] {"bsd", "bsd style", "bsd like", "bsd type"}) {
            m.put(k, bsd);
        }
        return Map.copyOf(m);
    }
}
