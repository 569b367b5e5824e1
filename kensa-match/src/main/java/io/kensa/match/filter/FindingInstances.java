package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.List;

/**
 * A finding narrowed to some of its package instances: a filter that decides per instance (an ignore rule on a
 * path, a VEX statement about the one binary that holds a module) takes out those instances only, and the finding
 * stays for the others.
 */
final class FindingInstances {
    private FindingInstances() {
    }

    /** {@code f} with only {@code packages} (a non-empty subset of its own). */
    static VulnerabilityFinding withPackages(VulnerabilityFinding f, List<Package> packages) {
        if (packages.size() == f.packages().size()) {
            return f;
        }
        return new VulnerabilityFinding(f.id(), f.aliases(), packages, f.installedVersion(), f.fixedVersions(),
                f.status(), f.severity(), f.severitySource(), f.cvss(), f.epss(), f.epssPercentile(), f.kev(), f.cwes(),
                f.title(), f.description(), f.primaryUrl(), f.dataSource(), f.matchReason());
    }
}
