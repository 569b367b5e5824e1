package io.kensa.core.vuln;

import io.kensa.core.OsInfo;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The namespaces of the vulnerability database: where an advisory applies, and where a package is looked up. One
 * spelling shared by the feeds (at build time) and the matchers (at scan time):
 * <ul>
 *   <li>a distribution release: {@code debian:12}, {@code ubuntu:22.04}, {@code alpine:3.19} (and
 *       {@code alpine:edge}), {@code amazon:2}, {@code amazon:2023}, {@code redhat:9}, {@code sles:15.6},
 *       {@code opensuse-leap:15.6}, {@code mariner:2.0}, {@code azurelinux:3.0}, {@code photon:5.0}, {@code wolfi},
 *       {@code chainguard}, {@code rocky:9}, {@code alma:9}, {@code oracle:9};</li>
 *   <li>a language ecosystem: its purl type, {@code maven}, {@code npm}, {@code pypi}, {@code golang},
 *       {@code cargo}, {@code gem}, {@code composer}, {@code nuget}.</li>
 * </ul>
 * Package names are stored and looked up through {@link #packageName}, which folds the spellings an ecosystem
 * treats as one name.
 */
public final class Namespaces {
    /** The language ecosystems, by purl type. */
    public static final Set<String> LANGUAGES = Set.of("maven", "npm", "pypi", "golang", "cargo", "gem", "composer",
            "nuget");

    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");

    private Namespaces() {
    }

    /** The namespace of a language package of purl type {@code type}; null when there is no such ecosystem. */
    public static String forPackageType(String type) {
        return type != null && LANGUAGES.contains(type) ? type : null;
    }

    /** The namespace of an operating system; null when its release cannot be told (no version where one is needed). */
    public static String forOs(OsInfo os) {
        if (os == null || os.family() == null) {
            return null;
        }
        String family = os.family().toLowerCase(Locale.ROOT);
        String v = os.version().trim();
        return switch (family) {
            case "debian" -> major(v).map(m -> "debian:" + m).orElse(null);
            case "ubuntu" -> majorMinor(v).map(m -> "ubuntu:" + m).orElse(null);
            case "alpine" -> v.contains("_alpha") || v.equals("edge") ? "alpine:edge"
                    : majorMinor(v).map(m -> "alpine:" + m).orElse(null);
            case "amazon", "amzn" -> major(v).map(m -> "amazon:" + m).orElse(null);
            case "redhat", "rhel", "centos" -> major(v).map(m -> "redhat:" + m).orElse(null);
            case "rocky" -> major(v).map(m -> "rocky:" + m).orElse(null);
            case "alma", "almalinux" -> major(v).map(m -> "alma:" + m).orElse(null);
            case "ol", "oracle" -> major(v).map(m -> "oracle:" + m).orElse(null);
            case "sles", "sled", "suse linux enterprise server" -> majorMinor(v).map(m -> "sles:" + m).orElse(null);
            case "opensuse-leap", "opensuse.leap" -> majorMinor(v).map(m -> "opensuse-leap:" + m).orElse(null);
            case "cbl-mariner", "mariner" -> majorMinor(v).map(m -> "mariner:" + m).orElse(null);
            case "azurelinux" -> majorMinor(v).map(m -> "azurelinux:" + m).orElse(null);
            case "photon" -> majorMinor(v).map(m -> "photon:" + m).orElse(null);
            case "wolfi" -> "wolfi";
            case "chainguard" -> "chainguard";
            default -> null;
        };
    }

    /**
     * A package name as the database stores it: PyPI names normalised as PEP 503 says ({@code Foo_Bar} and
     * {@code foo-bar} are one project), NuGet and Composer names lower-cased (both registries are
     * case-insensitive); every other name as written.
     */
    public static String packageName(String namespace, String name) {
        if (name == null || namespace == null) {
            return name;
        }
        return switch (namespace) {
            case "pypi" -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "nuget", "composer" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    /** True for a distribution namespace (not a language ecosystem). */
    public static boolean isDistribution(String namespace) {
        return namespace != null && !LANGUAGES.contains(namespace);
    }

    private static java.util.Optional<String> major(String v) {
        Matcher m = LEADING_NUMBERS.matcher(v);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static java.util.Optional<String> majorMinor(String v) {
        Matcher m = LEADING_NUMBERS.matcher(v);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
    }
}
