package io.kensa.match.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Map;
import java.util.Objects;

/**
 * A package URL used as a pattern, as VEX products and ignore rules name packages: it matches a package's purl when
 * <ul>
 *   <li>type, namespace and name are equal (as the purl specification canonicalises them: lower-case types, PEP 503
 *       PyPI names …);</li>
 *   <li>the version is equal, or the pattern has none (then it matches every version);</li>
 *   <li>every qualifier both purls carry has the same value; a qualifier
 *       only one side carries is ignored: Kensa's purls carry {@code distro}, VEX authors seldom write it, and
 *       CycloneDX tools write Maven's default {@code type=jar} that Kensa leaves out. So {@code arch=arm64} never
 *       matches an {@code amd64} package, and an image's {@code repository_url} tells two images apart;</li>
 *   <li>{@code epoch} belongs to the version: compared (absent meaning {@code 0}) only when the pattern has a
 *       version;</li>
 *   <li>the subpath is ignored.</li>
 * </ul>
 */
public final class PurlPattern {
    private final PackageURL purl;

    private PurlPattern(PackageURL purl) {
        this.purl = purl;
    }

    /** The pattern a purl string spells; throws {@link IllegalArgumentException} naming the problem when it is not one. */
    public static PurlPattern parse(String text) {
        PackageURL p = parsePurl(text);
        if (p == null) {
            throw new IllegalArgumentException("not a package URL: '" + shorten(text) + "'");
        }
        return new PurlPattern(p);
    }

    /** The pattern, or null when {@code text} is not a package URL. */
    public static PurlPattern tryParse(String text) {
        PackageURL p = parsePurl(text);
        return p == null ? null : new PurlPattern(p);
    }

    /** A purl string parsed, or null when it is null or not a package URL. */
    public static PackageURL parsePurl(String text) {
        if (text == null || !text.startsWith("pkg:")) {
            return null;
        }
        try {
            return new PackageURL(text);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    public PackageURL purl() {
        return purl;
    }

    /** The same pattern with {@code version} (null for every version). */
    public PurlPattern withVersion(String version) {
        try {
            return new PurlPattern(new PackageURL(purl.getType(), purl.getNamespace(), purl.getName(), version,
                    purl.getQualifiers() == null ? null : new java.util.TreeMap<>(purl.getQualifiers()),
                    purl.getSubpath()));
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("not a version of " + purl + ": '" + shorten(version) + "'", e);
        }
    }

    /** Whether {@code target} (a package's purl) is matched by this pattern. */
    public boolean matches(PackageURL target) {
        if (target == null) {
            return false;
        }
        if (!purl.getType().equals(target.getType())
                || !Objects.equals(blankToNull(purl.getNamespace()), blankToNull(target.getNamespace()))
                || !purl.getName().equals(target.getName())) {
            return false;
        }
        if (purl.getVersion() != null && !purl.getVersion().equals(target.getVersion())) {
            return false;
        }
        return qualifiersAgree(purl.getQualifiers(), target.getQualifiers(), purl.getVersion() != null);
    }

    private static boolean qualifiersAgree(Map<String, String> pattern, Map<String, String> target,
                                           boolean versioned) {
        Map<String, String> p = pattern == null ? Map.of() : pattern;
        Map<String, String> t = target == null ? Map.of() : target;
        // the epoch is part of the version: compared (absent meaning 0) when the pattern names a version
        if (versioned && !p.getOrDefault("epoch", "0").equals(t.getOrDefault("epoch", "0"))) {
            return false;
        }
        for (Map.Entry<String, String> e : p.entrySet()) {
            String other = t.get(e.getKey());
            if (other != null && !other.equals(e.getValue()) && !(e.getKey().equals("epoch") && !versioned)) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public String toString() {
        return purl.canonicalize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurlPattern other && purl.canonicalize().equals(other.purl.canonicalize());
    }

    @Override
    public int hashCode() {
        return purl.canonicalize().hashCode();
    }
}
