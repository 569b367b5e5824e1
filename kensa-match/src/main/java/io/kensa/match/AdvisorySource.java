package io.kensa.match;

import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the matchers read from the vulnerability database. */
public interface AdvisorySource {

    /** True when the database holds any advisory for {@code namespace} (a distribution release it covers). */
    boolean covers(String namespace);

    /** The advisories about {@code packageName} in {@code namespace} (the name as the inventory spells it). */
    List<AffectedPackage> advisories(String namespace, String packageName);

    /** What each feed says about each of {@code ids}; ids without a record are absent. */
    Map<String, List<VulnerabilityRecord>> vulnerabilities(Collection<String> ids);

    /** The ids that name the same vulnerability as each of {@code ids} (direct aliases, both directions). */
    Map<String, Set<String>> aliases(Collection<String> ids);

    /** KEV entries of those of {@code cves} in the catalog. */
    Map<String, KevEntry> kev(Collection<String> cves);

    /** EPSS scores of those of {@code cves} that have one. */
    Map<String, EpssScore> epss(Collection<String> cves);
}
