package io.kensa.db.model;

import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;

import java.util.List;

/**
 * One advisory's statement about one package in one namespace: the row the matchers look up by
 * (namespace, package name).
 *
 * @param namespace       where it applies ({@link io.kensa.core.vuln.Namespaces}): {@code debian:12}, {@code npm} …
 * @param packageName     the package as the namespace names it (for distributions the <em>source</em> package:
 *                        dpkg {@code Source:}, apk origin, the rpm SOURCERPM's name), stored through
 *                        {@link io.kensa.core.vuln.Namespaces#packageName}
 * @param vulnerabilityId the advisory's id (CVE-…, GHSA-…, GO-…, RHSA-…, ALAS-…)
 * @param feed            the id of the feed that stated it
 * @param ranges          the affected ranges
 * @param versions        versions listed as affected one by one (OSV {@code versions})
 * @param status          the publisher's own status when it says more than the ranges do (will_not_fix,
 *                        deferred, affected with no fix); null: derived from the ranges (fixed when a range has a
 *                        fixed event above the installed version, else affected)
 * @param severity        the publisher's severity for this package (Debian urgency, Ubuntu priority, Alpine has
 *                        none …); null when it gave none
 */
public record AffectedPackage(
        String namespace,
        String packageName,
        String vulnerabilityId,
        String feed,
        List<AffectedRange> ranges,
        List<String> versions,
        VulnerabilityStatus status,
        Severity severity) {

    public AffectedPackage {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (ranges.isEmpty() && versions.isEmpty()) {
            throw new IllegalArgumentException(vulnerabilityId + ": an affected package needs ranges or versions");
        }
    }
}
