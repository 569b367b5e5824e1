package io.kensa.match.filter;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.match.vex.PackagePurls;
import io.kensa.match.vex.PurlPattern;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an ignore file (the format is in {@link IgnoreFile}): a vulnerability id, optionally narrowed to
 * packages by purl, by name or by path, until an expiry date.
 */
public final class IgnoreRule {
    private final int entry;
    private final String id;
    private final List<PurlPattern> purls;
    private final List<String> packages;
    private final List<String> paths;
    private final List<PathMatcher> pathMatchers;
    private final LocalDate expires;
    private final String reason;

    /**
     * @param entry    the entry's position in the file, from 1
     * @param id       the vulnerability id or alias
     * @param purls    purl patterns (empty: any package)
     * @param packages package names (empty: any package)
     * @param paths    globs on the package's paths (empty: anywhere); {@code *} stays within a directory,
     *                 {@code **} crosses directories, a leading {@code /} is ignored
     * @param expires  the last day the rule applies, null for no end
     * @param reason   why, may be null
     * @throws IllegalArgumentException when a glob is not valid
     */
    public IgnoreRule(int entry, String id, List<PurlPattern> purls, List<String> packages, List<String> paths,
                      LocalDate expires, String reason) {
        this.entry = entry;
        this.id = id;
        this.purls = List.copyOf(purls);
        this.packages = List.copyOf(packages);
        this.paths = List.copyOf(paths);
        List<PathMatcher> matchers = new ArrayList<>(paths.size());
        for (String glob : paths) {
            String relative = glob.startsWith("/") ? glob.substring(1) : glob;
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + relative));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + glob + "' is not a valid glob: " + e.getMessage(), e);
            }
        }
        this.pathMatchers = List.copyOf(matchers);
        this.expires = expires;
        this.reason = reason;
    }

    public int entry() {
        return entry;
    }

    public String id() {
        return id;
    }

    public List<PurlPattern> purls() {
        return purls;
    }

    public List<String> packages() {
        return packages;
    }

    public List<String> paths() {
        return paths;
    }

    public LocalDate expires() {
        return expires;
    }

    public String reason() {
        return reason;
    }

    /** Whether the rule has stopped applying: {@code today} is after its expiry date. */
    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Whether the rule names {@code finding} in any of its package instances (expiry aside). */
    public boolean matches(VulnerabilityFinding finding) {
        if (!namesVulnerability(finding)) {
            return false;
        }
        for (Package p : finding.packages()) {
            if (matchesPackage(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rule names {@code finding} in its package instance {@code instance} (expiry aside). */
    public boolean matches(VulnerabilityFinding finding, Package instance) {
        return namesVulnerability(finding) && matchesPackage(instance);
    }

    /**
     * Whether the rule names a finding of another scanner (a secret rule, a configuration check, a malware
     * signature, a license) with id {@code findingId} at {@code path} (absolute or relative; null when the finding
     * has no file). Rules narrowed to packages never name such findings unless {@code pkg} is given and matches.
     */
    public boolean matches(String findingId, String path, Package pkg) {
        if (findingId == null || !findingId.trim().equalsIgnoreCase(id)) {
            return false;
        }
        if (pkg == null && (!purls.isEmpty() || !packages.isEmpty())) {
            return false;
        }
        if (pkg != null && !((purls.isEmpty() || matchesPurl(pkg)) && (packages.isEmpty() || matchesName(pkg)))) {
            return false;
        }
        if (pathMatchers.isEmpty()) {
            return true;
        }
        if (path == null) {
            return false;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        try {
            Path p = Path.of(relative);
            for (PathMatcher m : pathMatchers) {
                if (m.matches(p)) {
                    return true;
                }
            }
        } catch (InvalidPathException e) {
            return false;
        }
        return false;
    }

    private boolean namesVulnerability(VulnerabilityFinding finding) {
        for (String candidate : finding.allIds()) {
            if (candidate != null && candidate.trim().equalsIgnoreCase(id)) {
                return true;
            }
        }
        return false;
    }

    /** Every kind of selector the rule has must match; within a kind, any one value. */
    private boolean matchesPackage(Package p) {
        return (purls.isEmpty() || matchesPurl(p)) && (packages.isEmpty() || matchesName(p))
                && (pathMatchers.isEmpty() || matchesPath(p));
    }

    private boolean matchesPurl(Package p) {
        for (PackageURL purl : PackagePurls.of(p)) {
            for (PurlPattern pattern : purls) {
                if (pattern.matches(purl)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The package's name, or for an OS package the name of its source package. */
    private boolean matchesName(Package p) {
        for (String name : packages) {
            if (name.equals(p.name()) || p.isOsPackage() && p.source() != null && name.equals(p.source().name())) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesPath(Package p) {
        for (String path : p.paths()) {
            Path asPath;
            try {
                asPath = Path.of(path.startsWith("/") ? path.substring(1) : path);
            } catch (InvalidPathException e) {
                continue;
            }
            for (PathMatcher m : pathMatchers) {
                if (m.matches(asPath)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One line for reports: {@code CVE-2023-1234 (entry 2; packages openssl; expires 2027-01-01)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("entry " + entry);
        if (!purls.isEmpty()) {
            parts.add("purls " + String.join(", ", purls.stream().map(PurlPattern::toString).toList()));
        }
        if (!packages.isEmpty()) {
            parts.add("packages " + String.join(", ", packages));
        }
        if (!paths.isEmpty()) {
            parts.add("paths " + String.join(", ", paths));
        }
        if (expires != null) {
            parts.add("expires " + expires);
        }
        return id + " (" + String.join("; ", parts) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
