package io.kensa.analyze.lang.golang;

import io.kensa.core.Package;

import java.util.ArrayList;
import java.util.List;

/**
 * The packages of one Go binary's build info, type {@code golang}, found by {@code go-buildinfo}.
 * <ul>
 * <li>{@code stdlib}, versioned by the toolchain: {@code go1.19.8} becomes {@code 1.19.8}, anything after a space
 * ({@code go1.22.3 X:boringcrypto}) is dropped. Syft's purl and OSV's Go advisories spell the standard library's
 * version this way; Trivy adds a {@code v}. Go's own tags are kept otherwise ({@code 1.21rc2}, {@code 1.20}): turning
 * them into OSV's semver ({@code 1.21.0-rc.2}, {@code 1.20.0}) is the Go version scheme's job.</li>
 * <li>The main module, only when it has a real version ({@code go install m@v}); {@code (devel)} is what every
 * {@code go build} of a checkout writes, and says nothing.</li>
 * <li>Each dependency with its version as Go writes it ({@code v1.2.3}, pseudo-versions, {@code +incompatible}):
 * the {@code v} stays, as in purls and in Trivy and Syft; OSV's Go ranges drop it, the matcher will too.</li>
 * <li>A replaced dependency is reported as its replacement (path and version), the code actually compiled in, as
 * Trivy and Syft do. A replacement by a local directory ({@code => ./local}) has no module version: it is left out
 * like the {@code (devel)} main module, rather than reported under a directory name or a version it does not
 * have.</li>
 * </ul>
 */
final class GoPackages {
    static final String TYPE = "golang";
    static final String FOUND_BY = "go-buildinfo";
    private static final String DEVEL = "(devel)";

    private GoPackages() {
    }

    static List<Package> of(String goVersion, ModInfo info, String path) {
        List<Package> out = new ArrayList<>();
        out.add(pkg("stdlib", stdlibVersion(goVersion), path));
        GoModule main = info.main();
        if (main != null && hasVersion(main.version()) && !main.path().isEmpty()) {
            out.add(pkg(main.path(), main.version(), path));
        }
        for (GoModule dep : info.deps()) {
            GoModule m = dep.replace() != null ? dep.replace() : dep;
            if (!m.path().isEmpty() && hasVersion(m.version())) {
                out.add(pkg(m.path(), m.version(), path));
            }
        }
        return out;
    }

    /** {@code go1.19.8} → {@code 1.19.8}; {@code go1.22.3 X:boringcrypto} → {@code 1.22.3}. */
    static String stdlibVersion(String goVersion) {
        String v = goVersion.startsWith("go") ? goVersion.substring(2) : goVersion;
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    private static boolean hasVersion(String version) {
        return !version.isEmpty() && !version.equals(DEVEL);
    }

    private static Package pkg(String name, String version, String path) {
        return Package.application(TYPE, name, version, List.of(), path, FOUND_BY);
    }
}
