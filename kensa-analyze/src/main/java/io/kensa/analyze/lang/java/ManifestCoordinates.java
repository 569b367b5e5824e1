package io.kensa.analyze.lang.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the Maven coordinates of an archive that carries no Maven metadata from its {@code MANIFEST.MF} and
 * its file name. The manifest has no field for the artifact id, but several fields are derived from it by the
 * usual build tools, so each proposes names and the name most fields agree on wins:
 * <ul>
 *   <li>{@code Implementation-Title}: Gradle and many Maven builds write the artifact id ({@code spring-web});
 *       a title in words ({@code Apache Commons BeanUtils}) proposes its trailing words joined by dashes
 *       ({@code commons-beanutils}, {@code beanutils});</li>
 *   <li>{@code Implementation-URL} and {@code Bundle-DocURL}: the project site's last path segment
 *       ({@code https://commons.apache.org/proper/commons-beanutils/});</li>
 *   <li>{@code Bundle-SymbolicName}, {@code Automatic-Module-Name}, {@code Extension-Name}: dotted names that end
 *       with the artifact id or its last words ({@code org.apache.commons.beanutils}); every tail is proposed;</li>
 *   <li>a Jenkins plugin's {@code Short-Name}.</li>
 * </ul>
 * A file name {@code name-1.2.3.jar} whose version agrees with the manifest's was not renamed, and names the
 * artifact outright; a file name without a version ({@code beanutils.jar}) is used only when nothing else is.
 * The group id comes from a Jenkins {@code Group-Id}, else from what precedes the artifact id in the symbolic or
 * module name, else {@code Implementation-Vendor-Id}. The version is {@code Implementation-Version}, else the file
 * name's, else {@code Bundle-Version} or {@code Specification-Version}. The Java index corrects the group id at
 * inventory time when it knows the artifact id and version.
 */
final class ManifestCoordinates {
    /** First segments of reverse-domain names; a dotted name starting otherwise is an artifact id with dots. */
    private static final Set<String> DOMAIN_ROOTS = Set.of("org", "com", "net", "io", "edu", "gov", "dev", "me",
            "info", "biz", "eu", "de", "fr", "uk", "nl", "ch", "it", "be", "jp", "cn", "ru", "at", "se", "no", "fi",
            "dk", "pl", "cz", "es", "pt", "br", "in", "kr", "tw", "co", "ai", "app", "cloud", "tech", "xyz", "us",
            "ca", "au", "javax", "jakarta", "java", "jdk", "sun", "ee", "is", "hu", "ro", "sk", "si", "gr", "ie",
            "nz", "za", "mx", "ar", "cl", "ua", "by", "lt", "lv", "tr", "il", "sg", "hk", "vn", "th", "id", "my",
            "ph", "li", "lu", "club", "site", "online", "software", "systems", "global", "one", "pro", "tv", "to",
            "cc", "ws", "la", "fm", "ly", "gg", "sh", "im", "ac", "ninja", "guru", "run", "tools", "codes");

    private ManifestCoordinates() {
    }

    /**
     * A guess, with the evidence used.
     *
     * @param groupId    null when nothing suggests one
     * @param artifactId the artifact id
     * @param version    the version
     * @param foundBy    {@code MANIFEST.MF} when the manifest gave the name or version, else {@code file-name}
     */
    record Guess(String groupId, String artifactId, String version, String foundBy) {
        String packageName() {
            return groupId == null ? artifactId : groupId + ":" + artifactId;
        }
    }

    static final String FOUND_BY_MANIFEST = "MANIFEST.MF";
    static final String FOUND_BY_FILE_NAME = "file-name";

    /** The best guess, or null when neither the manifest nor the file name gives a version. */
    static Guess guess(JarManifest manifest, ArchiveFileName file) {
        JarManifest m = manifest == null ? JarManifest.parse(new byte[0]) : manifest;
        String manifestVersion = firstUsable(m.get("Implementation-Version"), null, null);
        String otherVersion = firstUsable(m.get("Bundle-Version"), m.get("Plugin-Version"),
                m.get("Specification-Version"));
        String version = manifestVersion != null ? manifestVersion
                : file.version() != null ? file.version() : otherVersion;
        if (version == null || !containsDigit(version)) {
            return null;
        }
        boolean versionFromManifest = version.equals(manifestVersion) || version.equals(otherVersion);
        Votes votes = new Votes();
        String title = m.get("Implementation-Title");
        if (title == null) {
            title = m.get("Specification-Title");
        }
        if (title == null && m.get("Bundle-Name") != null && !m.get("Bundle-Name").startsWith("%")) {
            title = m.get("Bundle-Name");
        }
        if (title != null && ArchiveFileName.isArtifactToken(title)) {
            votes.source(title.indexOf('.') > 0 ? dottedTails(title) : List.of(title.toLowerCase(Locale.ROOT)));
        }
        votes.source(nameList(m.get("Short-Name")));
        votes.source(urlSegments(m.get("Implementation-URL"), m.get("Bundle-DocURL")));
        votes.source(dottedTails(symbolicName(m.get("Bundle-SymbolicName"))));
        votes.source(dottedTails(m.get("Automatic-Module-Name")));
        if (title != null && !ArchiveFileName.isArtifactToken(title)) {
            votes.source(wordTails(title, m.get("Implementation-Vendor") != null
                    ? m.get("Implementation-Vendor") : m.get("Bundle-Vendor")));
        }
        votes.source(dottedTails(m.get("Extension-Name")));
        // a file name whose version agrees with the manifest's was not renamed: it names the artifact
        boolean fileNameHolds = file.artifactId() != null
                && (manifestVersion == null || manifestVersion.equals(file.version()));
        String manifestName = votes.winner();
        String artifactId = fileNameHolds ? file.artifactId()
                : manifestName != null ? manifestName
                : file.artifactId() != null ? file.artifactId() : file.stem();
        boolean nameFromManifest = manifestName != null && manifestName.equalsIgnoreCase(artifactId);
        if (!ArchiveFileName.isArtifactToken(artifactId)) {
            return null;
        }
        String groupId = groupId(m, artifactId);
        boolean fromManifest = nameFromManifest || versionFromManifest;
        return new Guess(groupId, artifactId, version, fromManifest ? FOUND_BY_MANIFEST : FOUND_BY_FILE_NAME);
    }

    /**
     * Names that most sources propose, a source's first proposal counting twice; among equals, the one proposed
     * first (sources are added in rank order).
     */
    private static final class Votes {
        private final Map<String, int[]> byName = new LinkedHashMap<>();
        private final Map<String, String> spelling = new LinkedHashMap<>();
        private int rank;

        void source(List<String> names) {
            List<String> seen = new ArrayList<>();
            for (String n : names) {
                if (n == null || !ArchiveFileName.isArtifactToken(n)) {
                    continue;
                }
                String key = n.toLowerCase(Locale.ROOT);
                if (seen.contains(key)) {
                    continue;
                }
                seen.add(key);
                spelling.putIfAbsent(key, n);
                int[] v = byName.computeIfAbsent(key, k -> new int[]{0, rank});
                v[0] += seen.size() == 1 ? 2 : 1;
                rank++;
            }
        }

        String winner() {
            String best = null;
            int[] bestVote = null;
            for (Map.Entry<String, int[]> e : byName.entrySet()) {
                int[] v = e.getValue();
                if (bestVote == null || v[0] > bestVote[0] || v[0] == bestVote[0] && v[1] < bestVote[1]) {
                    best = e.getKey();
                    bestVote = v;
                }
            }
            return best == null ? null : spelling.get(best);
        }
    }

    private static List<String> nameList(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** {@code org.foo.bar;singleton:=true} → {@code org.foo.bar}. */
    private static String symbolicName(String bsn) {
        if (bsn == null) {
            return null;
        }
        int semi = bsn.indexOf(';');
        return (semi < 0 ? bsn : bsn.substring(0, semi)).strip();
    }

    /**
     * The artifact ids a dotted name may stand for, likeliest first. A reverse-domain name proposes the tails after
     * its domain joined by dashes, longest first ({@code org.apache.commons.beanutils}: commons-beanutils, then
     * beanutils), or only its last segment when that has a dash already
     * ({@code com.fasterxml.jackson.core.jackson-databind}); the tails that include the domain come last. Another
     * dotted name is an artifact id with dots for dashes ({@code spring.boot.jarmode.layertools}).
     */
    static List<String> dottedTails(String dotted) {
        if (dotted == null || !ArchiveFileName.isArtifactToken(dotted)) {
            return List.of();
        }
        String[] segs = dotted.split("\\.");
        int n = segs.length;
        List<String> tails = new ArrayList<>();
        if (!DOMAIN_ROOTS.contains(segs[0].toLowerCase(Locale.ROOT))) {
            for (int k = n; k >= 1; k--) {
                tails.add(joinTail(segs, k));
            }
        } else {
            if (segs[n - 1].indexOf('-') > 0) {
                tails.add(segs[n - 1]);
            }
            for (int k = Math.max(1, n - 2); k >= 1; k--) {
                tails.add(joinTail(segs, k));
            }
            for (int k = Math.max(1, n - 2) + 1; k <= n; k++) {
                tails.add(joinTail(segs, k));
            }
        }
        if (n > 1) {
            tails.add(dotted);
        }
        return tails;
    }

    private static String joinTail(String[] segs, int k) {
        return String.join("-", java.util.Arrays.copyOfRange(segs, segs.length - k, segs.length));
    }

    /**
     * {@code Apache Commons BeanUtils} by {@code The Apache Software Foundation} → commons-beanutils (the title
     * without the vendor's words in front), then apache-commons-beanutils; a last word alone is no proposal.
     */
    static List<String> wordTails(String title, String vendor) {
        List<String> w = words(title);
        List<String> tails = new ArrayList<>();
        List<String> vendorWords = vendor == null ? List.of() : words(vendor);
        int skip = 0;
        while (skip < w.size() - 1 && vendorWords.contains(w.get(skip))) {
            skip++;
        }
        if (skip > 0) {
            tails.add(String.join("-", w.subList(skip, w.size())));
        }
        for (int k = Math.min(w.size(), 6); k >= Math.min(2, w.size()); k--) {
            tails.add(String.join("-", w.subList(w.size() - k, w.size())));
        }
        return tails;
    }

    private static List<String> words(String text) {
        List<String> w = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
            if (!word.isEmpty()) {
                w.add(word);
            }
        }
        return w;
    }

    /** The last path segment of each URL ({@code https://commons.apache.org/proper/commons-beanutils/}). */
    static List<String> urlSegments(String... urls) {
        List<String> out = new ArrayList<>();
        for (String url : urls) {
            if (url == null) {
                continue;
            }
            int scheme = url.indexOf("://");
            String rest = scheme < 0 ? url : url.substring(scheme + 3);
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = rest.substring(slash);
            int cut = indexOfAny(path, "?#");
            if (cut >= 0) {
                path = path.substring(0, cut);
            }
            String[] segs = path.split("/");
            for (int i = segs.length - 1; i >= 0; i--) {
                String s = segs[i];
                if (s.isEmpty()) {
                    continue;
                }
                s = stripSuffix(stripSuffix(stripSuffix(s, ".git"), ".html"), ".htm");
                if (!s.equalsIgnoreCase("index") && !s.equalsIgnoreCase("tree") && !s.equalsIgnoreCase("master")
                        && !s.equalsIgnoreCase("main")) {
                    out.add(s);
                }
                break;
            }
        }
        return out;
    }

    /**
     * The group id: a Jenkins plugin's {@code Group-Id}; else what precedes the artifact id in a dotted name
     * (Felix's bundle plugin writes {@code groupId.artifactId}, or {@code groupId.rest} when the artifact id is the
     * group's last word plus {@code -rest}); else {@code Implementation-Vendor-Id} when it is a dotted name.
     */
    static String groupId(JarManifest m, String artifactId) {
        String jenkins = m.get("Group-Id");
        if (jenkins != null && ArchiveFileName.isArtifactToken(jenkins)) {
            return jenkins;
        }
        String vendorId = m.get("Implementation-Vendor-Id");
        boolean vendorUsable = vendorId != null && ArchiveFileName.isArtifactToken(vendorId) && vendorId.indexOf('.') > 0;
        for (String dotted : new String[]{symbolicName(m.get("Bundle-SymbolicName")), m.get("Automatic-Module-Name"),
                m.get("Extension-Name")}) {
            String g = groupBefore(dotted, artifactId);
            if (g != null) {
                return g;
            }
        }
        return vendorUsable ? vendorId : null;
    }

    /** The group id a dotted name implies for the artifact id, or null. */
    static String groupBefore(String dotted, String artifactId) {
        if (dotted == null || !ArchiveFileName.isArtifactToken(dotted)) {
            return null;
        }
        String[] segs = dotted.split("\\.");
        if (!DOMAIN_ROOTS.contains(segs[0].toLowerCase(Locale.ROOT)) || segs.length < 2) {
            return null;
        }
        String a = artifactId.toLowerCase(Locale.ROOT);
        for (int k = 1; k < segs.length; k++) {
            String tail = String.join("-", java.util.Arrays.copyOfRange(segs, segs.length - k, segs.length))
                    .toLowerCase(Locale.ROOT);
            String prefix = String.join(".", java.util.Arrays.copyOfRange(segs, 0, segs.length - k));
            if (segs.length - k < 2) {
                return null; // a domain root alone is no group id
            }
            if (tail.equals(a) || tail.replace('-', '.').equals(a)) {
                return prefix;
            }
            if (k + 1 < segs.length) {
                String overlap = String.join("-", java.util.Arrays.copyOfRange(segs, segs.length - k - 1, segs.length))
                        .toLowerCase(Locale.ROOT);
                if (overlap.equals(a)) {
                    return prefix;
                }
            }
        }
        return null;
    }

    private static String firstUsable(String a, String b, String c) {
        for (String s : new String[]{a, b, c}) {
            if (s != null && MavenMetadata.usable(s) && containsDigit(s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
