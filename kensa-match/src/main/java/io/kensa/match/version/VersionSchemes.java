package io.kensa.match.version;

import io.kensa.core.KensaException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every version scheme, and which one a namespace of the vulnerability database uses. */
public final class VersionSchemes {
    private static final List<VersionScheme> ALL = List.of(
            // operating systems
            new DpkgVersionScheme(), new RpmVersionScheme(), new ApkVersionScheme(),
            // languages
            new MavenVersionScheme(), new NpmVersionScheme(), new Pep440VersionScheme(), new GoVersionScheme(),
            new CargoVersionScheme(), new RubyGemsVersionScheme(), new ComposerVersionScheme(),
            new NuGetVersionScheme());
    private static final Map<String, VersionScheme> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(VersionScheme::name, Function.identity()));

    private VersionSchemes() {
    }

    /** The scheme named {@code name}. */
    public static VersionScheme byName(String name) {
        VersionScheme s = BY_NAME.get(name);
        if (s == null) {
            throw new KensaException("no version scheme '" + name + "'");
        }
        return s;
    }

    public static List<VersionScheme> all() {
        return ALL;
    }

    /**
     * The scheme of a namespace ({@link io.kensa.core.vuln.Namespaces}): {@code debian:12} → dpkg,
     * {@code alpine:3.19} → apk, {@code redhat:9} → rpm, {@code npm} → npm …; null when none is known.
     */
    public static VersionScheme forNamespace(String namespace) {
        if (namespace == null) {
            return null;
        }
        String family = namespace.split(":", 2)[0].toLowerCase(Locale.ROOT);
        String scheme = switch (family) {
            case "debian", "ubuntu" -> "dpkg";
            case "alpine", "wolfi", "chainguard" -> "apk";
            case "redhat", "rocky", "alma", "oracle", "amazon", "sles", "opensuse-leap", "mariner", "azurelinux",
                 "photon" -> "rpm";
            case "maven" -> "maven";
            case "npm" -> "npm";
            case "pypi" -> "pep440";
            case "golang" -> "go";
            case "cargo" -> "cargo";
            case "gem" -> "rubygems";
            case "composer" -> "composer";
            case "nuget" -> "nuget";
            default -> null;
        };
        return scheme == null ? null : BY_NAME.get(scheme);
    }
}
