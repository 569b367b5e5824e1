package io.kensa.match;

import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.EnrichmentLookup;
import io.kensa.db.store.KensaDatabase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The matchers' view of an open {@link KensaDatabase}. */
public final class DatabaseAdvisorySource implements AdvisorySource {
    private final KensaDatabase database;
    private final EnrichmentLookup enrichment;

    public DatabaseAdvisorySource(KensaDatabase database) {
        this.database = database;
        this.enrichment = database.enrichment();
    }

    @Override
    public boolean covers(String namespace) {
        return database.covers(namespace);
    }

    @Override
    public List<AffectedPackage> advisories(String namespace, String packageName) {
        return database.advisories(namespace, packageName);
    }

    @Override
    public Map<String, List<VulnerabilityRecord>> vulnerabilities(Collection<String> ids) {
        return database.vulnerabilities(ids);
    }

    @Override
    public Map<String, Set<String>> aliases(Collection<String> ids) {
        return database.aliases(ids);
    }

    @Override
    public Map<String, KevEntry> kev(Collection<String> cves) {
        return enrichment.kev(cves);
    }

    @Override
    public Map<String, EpssScore> epss(Collection<String> cves) {
        return enrichment.epss(cves);
    }
}
