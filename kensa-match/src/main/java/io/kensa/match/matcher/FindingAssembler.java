package io.kensa.match.matcher;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.EpssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.core.vuln.Namespaces;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.match.AdvisorySource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the hits of each package into findings: hits naming the same vulnerability (through their ids and the
 * database's aliases) become one finding, enriched with what the feeds say about it (severity with its source,
 * CVSS, CWE, EPSS, KEV, title). The database is read in a few batched queries for all findings at once.
 */
final class FindingAssembler {
    private static final String NVD = "nvd";

    private final AdvisorySource source;
    private final String lang;
    private final String endOfLifeNamespace;

    /**
     * @param endOfLifeNamespace the OS namespace when its release is out of support (unfixed findings there become
     *                           {@code end_of_life}), else null
     */
    FindingAssembler(AdvisorySource source, String lang, String endOfLifeNamespace) {
        this.source = source;
        this.lang = lang;
        this.endOfLifeNamespace = endOfLifeNamespace;
    }

    /** A merged group: one package, the hits naming one vulnerability, and all its ids. */
    private record Merged(VulnerabilityMatcher.PackageHits pkg, List<MatchHit> hits, Set<String> ids) {
    }

    List<VulnerabilityFinding> assemble(List<VulnerabilityMatcher.PackageHits> packages) {
        List<Merged> merged = new ArrayList<>();
        Set<String> hitIds = new HashSet<>();
        packages.forEach(p -> p.hits().forEach(h -> hitIds.add(h.entry().vulnerabilityId())));
        Map<String, Set<String>> aliases = source.aliases(hitIds);
        for (VulnerabilityMatcher.PackageHits p : packages) {
            List<Merged> ofPackage = new ArrayList<>();
            for (AliasGroups.Group<MatchHit> g : AliasGroups.group(p.hits(), h -> {
                Set<String> ids = new LinkedHashSet<>();
                ids.add(h.entry().vulnerabilityId());
                ids.addAll(aliases.getOrDefault(h.entry().vulnerabilityId(), Set.of()));
                return ids;
            })) {
                ofPackage.add(new Merged(p, g.items(), g.ids()));
            }
            // a package's findings by id, as MatchResult promises (the database returns advisories in no set order)
            ofPackage.sort(Comparator.comparing(FindingAssembler::chooseId));
            merged.addAll(ofPackage);
        }
        Set<String> allIds = new HashSet<>();
        merged.forEach(m -> allIds.addAll(m.ids()));
        Map<String, List<VulnerabilityRecord>> records = source.vulnerabilities(allIds);
        List<String> cves = allIds.stream().filter(FindingAssembler::isCve).toList();
        Map<String, KevEntry> kev = source.kev(cves);
        Map<String, EpssScore> epss = source.epss(cves);
        List<VulnerabilityFinding> out = new ArrayList<>(merged.size());
        for (Merged m : merged) {
            out.add(finding(m, records, kev, epss));
        }
        return out;
    }

    private VulnerabilityFinding finding(Merged m, Map<String, List<VulnerabilityRecord>> records,
                                         Map<String, KevEntry> kev, Map<String, EpssScore> epss) {
        MatchHit primary = m.hits().getFirst();
        String namespace = primary.entry().namespace();
        boolean os = Namespaces.isDistribution(namespace);
        String id = chooseId(m);
        List<String> aliases = new ArrayList<>(new TreeSet<>(m.ids()));
        aliases.remove(id);

        TreeSet<String> fixed = new TreeSet<>((a, b) -> m.pkg().scheme().compare(a, b));
        m.hits().stream().map(MatchHit::fixed).filter(f -> f != null && !f.isBlank()).forEach(fixed::add);
        VulnerabilityStatus status = status(m, fixed.isEmpty());

        List<VulnerabilityRecord> own = new ArrayList<>();
        List<VulnerabilityRecord> nvd = new ArrayList<>();
        List<VulnerabilityRecord> other = new ArrayList<>();
        Set<String> hitIds = new HashSet<>();
        Set<String> hitFeeds = new HashSet<>();
        m.hits().forEach(h -> {
            hitIds.add(h.entry().vulnerabilityId());
            hitFeeds.add(h.entry().feed());
        });
        for (String i : m.ids()) {
            for (VulnerabilityRecord r : records.getOrDefault(i, List.of())) {
                if (NVD.equals(r.feed())) {
                    nvd.add(r);
                } else if (hitIds.contains(r.id()) && hitFeeds.contains(r.feed())) {
                    own.add(r);
                } else {
                    other.add(r);
                }
            }
        }
        List<VulnerabilityRecord> ordered = new ArrayList<>(own);
        ordered.addAll(nvd);
        ordered.addAll(other);

        Rated rated = severity(m, os, own, nvd, other);
        List<CvssScore> cvss = cvss(nvd, own, other);
        TreeSet<String> cwes = new TreeSet<>();
        ordered.forEach(r -> cwes.addAll(r.cwes()));
        VulnerabilityRecord text = textRecord(ordered);
        String description = text == null ? null : text.description();
        String title = text == null ? null : text.title();

        KevEntry kevEntry = m.ids().stream().filter(kev::containsKey).sorted().map(kev::get).findFirst().orElse(null);
        EpssScore ep = m.ids().stream().map(epss::get).filter(e -> e != null)
                .max(Comparator.comparingDouble(EpssScore::score)).orElse(null);

        String fixedFirst = fixed.isEmpty() ? null : fixed.first();
        String reason = m.pkg().query().subject()
                + (fixedFirst == null ? ", no fix" : " < fixed " + fixedFirst)
                + " in " + namespace + " (" + primary.entry().feed() + ")";
        return new VulnerabilityFinding(id, aliases, m.pkg().instances(), m.pkg().instances().getFirst().version(),
                List.copyOf(fixed), status, rated.severity(), rated.source(), cvss,
                ep == null ? null : ep.score(), ep == null ? null : ep.percentile(), kevEntry, List.copyOf(cwes),
                title, description, primaryUrl(id, aliases, namespace, ordered), primary.entry().feed(), reason);
    }

    /** The CVE when the group names exactly one, else the first hit's own id. */
    private static String chooseId(Merged m) {
        List<String> cves = m.ids().stream().filter(FindingAssembler::isCve).toList();
        if (cves.size() == 1) {
            return cves.getFirst();
        }
        return m.hits().getFirst().entry().vulnerabilityId();
    }

    private VulnerabilityStatus status(Merged m, boolean noFix) {
        if (!noFix) {
            return VulnerabilityStatus.FIXED;
        }
        VulnerabilityStatus stated = m.hits().stream().map(h -> h.entry().status())
                .filter(s -> s != null && s != VulnerabilityStatus.FIXED).findFirst().orElse(null);
        VulnerabilityStatus status = stated == null ? VulnerabilityStatus.AFFECTED : stated;
        if (status == VulnerabilityStatus.AFFECTED && endOfLifeNamespace != null
                && endOfLifeNamespace.equals(m.hits().getFirst().entry().namespace())) {
            return VulnerabilityStatus.END_OF_LIFE;
        }
        return status;
    }

    private record Rated(Severity severity, String source) {
    }

    /**
     * OS packages: the distribution's own rating first; language packages: the advisory's own (GHSA, OSV); then
     * NVD; then any other feed's rating; then the highest CVSS score known.
     */
    private static Rated severity(Merged m, boolean os, List<VulnerabilityRecord> own, List<VulnerabilityRecord> nvd,
                                  List<VulnerabilityRecord> other) {
        if (os) {
            for (MatchHit h : m.hits()) {
                Severity s = h.entry().severity();
                if (s != null && s != Severity.UNKNOWN) {
                    return new Rated(s, h.entry().namespace().split(":", 2)[0]);
                }
            }
        }
        for (List<VulnerabilityRecord> list : List.of(own, nvd, other)) {
            for (VulnerabilityRecord r : list) {
                if (r.severity() != null && r.severity() != Severity.UNKNOWN) {
                    return new Rated(r.severity(), sourceName(r));
                }
            }
        }
        for (List<VulnerabilityRecord> list : List.of(own, nvd, other)) {
            CvssScore best = list.stream().flatMap(r -> r.cvss().stream())
                    .filter(c -> !c.version().equals("2.0"))
                    .max(Comparator.comparingDouble(CvssScore::baseScore)).orElse(null);
            if (best == null) {
                best = list.stream().flatMap(r -> r.cvss().stream())
                        .max(Comparator.comparingDouble(CvssScore::baseScore)).orElse(null);
            }
            if (best != null) {
                return new Rated(best.severity(), best.source());
            }
        }
        return new Rated(Severity.UNKNOWN, null);
    }

    /** A record's publisher as a severity source: {@code ghsa} for GitHub advisories, else the feed's name. */
    private static String sourceName(VulnerabilityRecord r) {
        if (r.id().startsWith("GHSA-")) {
            return "ghsa";
        }
        String f = r.feed();
        return f.startsWith("osv-") ? f.substring(4) : f;
    }

    private static List<CvssScore> cvss(List<VulnerabilityRecord> nvd, List<VulnerabilityRecord> own,
                                        List<VulnerabilityRecord> other) {
        List<CvssScore> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<VulnerabilityRecord> list : List.of(nvd, own, other)) {
            for (VulnerabilityRecord r : list) {
                for (CvssScore c : r.cvss()) {
                    if (seen.add(c.source() + "|" + c.vector())) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /** The record whose title and description are shown: one in the preferred language when there is one. */
    private VulnerabilityRecord textRecord(List<VulnerabilityRecord> ordered) {
        for (VulnerabilityRecord r : ordered) {
            if (lang.equals(r.lang()) && (r.title() != null || r.description() != null)) {
                return r;
            }
        }
        for (VulnerabilityRecord r : ordered) {
            if ("en".equals(r.lang()) && (r.title() != null || r.description() != null)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The advisory page a reader should open: the distribution's tracker for an OS finding, the GitHub advisory
     * for a language finding that has one (GHSA carries the affected versions and the fix), else the advisory's own
     * page, else NVD or osv.dev.
     */
    private static String primaryUrl(String id, List<String> aliases, String namespace,
                                     List<VulnerabilityRecord> ordered) {
        String family = namespace.split(":", 2)[0];
        if (!Namespaces.isDistribution(namespace) && !id.startsWith("GHSA-")) {
            for (String a : aliases) {
                if (a.startsWith("GHSA-")) {
                    return "https://github.com/advisories/" + a;
                }
            }
        }
        if (isCve(id)) {
            switch (family) {
                case "debian":
                    return "https://security-tracker.debian.org/tracker/" + id;
                case "ubuntu":
                    return "https://ubuntu.com/security/" + id;
                case "alpine":
                    return "https://security.alpinelinux.org/vuln/" + id;
                case "redhat":
                    return "https://access.redhat.com/security/cve/" + id;
                default:
                    break;
            }
        }
        if (id.startsWith("GHSA-")) {
            return "https://github.com/advisories/" + id;
        }
        if (id.startsWith("GO-")) {
            return "https://pkg.go.dev/vuln/" + id;
        }
        for (VulnerabilityRecord r : ordered) {
            if (r.id().equals(id) && !r.urls().isEmpty()) {
                return r.urls().getFirst();
            }
        }
        if (isCve(id)) {
            return "https://nvd.nist.gov/vuln/detail/" + id;
        }
        return "https://osv.dev/vulnerability/" + id;
    }

    static boolean isCve(String id) {
        return id.startsWith("CVE-");
    }
}
