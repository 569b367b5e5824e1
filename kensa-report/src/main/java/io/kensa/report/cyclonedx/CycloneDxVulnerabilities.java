package io.kensa.report.cyclonedx;

import io.kensa.core.Package;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.KevEntry;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.report.vuln.AdvisoryIds;
import io.kensa.report.vuln.FindingOrder;
import io.kensa.report.vuln.Remediation;
import io.kensa.report.vuln.WebLinks;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BOM's {@code vulnerabilities}: one entry per vulnerability id (most urgent first), whatever the number of
 * packages it was found in, with
 * <ul>
 *   <li>{@code source}: the feed that matched and the advisory's page;</li>
 *   <li>{@code references}: the aliases (GHSA, distribution advisories …), each with its page where known;</li>
 *   <li>{@code ratings}: every CVSS assessment (method CVSSv2, CVSSv3, CVSSv31 or CVSSv4, score, vector, severity)
 *       and the severity of whoever rated each finding (the distribution, GHSA …), without a method;</li>
 *   <li>{@code cwes} as numbers, {@code description}, {@code advisories} (the advisory's page),
 *       {@code recommendation} (the upgrade of each package);</li>
 *   <li>{@code affects}: the {@code bom-ref} of every package instance, with its installed version;</li>
 *   <li>properties {@code kensa:epss}, {@code kensa:epss:percentile}, {@code kensa:kev} (and the KEV dates),
 *       {@code kensa:status}, {@code kensa:severitySource}, {@code kensa:dataSource}, {@code kensa:matchReason}.</li>
 * </ul>
 * Only kept findings are listed; VEX-style {@code analysis} of suppressed ones is not written.
 */
final class CycloneDxVulnerabilities {
    private static final Pattern CWE = Pattern.compile("CWE-(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    private final Function<Package, String> bomRefOf;

    /** @param bomRefOf the {@code bom-ref} of a package instance's component, null when it has none */
    CycloneDxVulnerabilities(Function<Package, String> bomRefOf) {
        this.bomRefOf = bomRefOf;
    }

    List<Vulnerability> of(List<VulnerabilityFinding> findings) {
        Map<String, List<VulnerabilityFinding>> byId = new LinkedHashMap<>();
        findings.stream().sorted(FindingOrder.MOST_URGENT_FIRST)
                .forEach(f -> byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));
        List<Vulnerability> out = new ArrayList<>();
        byId.forEach((id, ofId) -> out.add(vulnerability(id, ofId)));
        return out;
    }

    private Vulnerability vulnerability(String id, List<VulnerabilityFinding> ofId) {
        VulnerabilityFinding first = ofId.getFirst();
        Vulnerability v = new Vulnerability();
        v.setId(id);
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(first.dataSource() != null ? first.dataSource() : AdvisoryIds.type(id));
        WebLinks.http(first.primaryUrl()).or(() -> AdvisoryIds.url(id)).ifPresent(source::setUrl);
        v.setSource(source);
        references(ofId).forEach(v::addReference);
        ratings(ofId).forEach(v::addRating);
        Set<Integer> cwes = new LinkedHashSet<>();
        ofId.forEach(f -> f.cwes().forEach(c -> cweNumber(c).ifPresent(cwes::add)));
        if (!cwes.isEmpty()) {
            v.setCwes(new ArrayList<>(cwes));
        }
        String description = first.description() != null && !first.description().isBlank() ? first.description()
                : first.title();
        if (description != null && !description.isBlank()) {
            v.setDescription(description);
        }
        if (first.title() != null && !first.title().isBlank() && !first.title().equals(description)) {
            v.setDetail(first.title());
        }
        v.setRecommendation(String.join(" ", ofId.stream().map(Remediation::of).distinct().toList()));
        WebLinks.http(first.primaryUrl()).ifPresent(url -> {
            Vulnerability.Advisory advisory = new Vulnerability.Advisory();
            advisory.setUrl(url);
            v.addAdvisory(advisory);
        });
        List<Vulnerability.Affect> affects = affects(ofId);
        if (!affects.isEmpty()) {
            v.setAffects(affects);
        }
        v.setProperties(properties(ofId));
        return v;
    }

    private static List<Vulnerability.Reference> references(List<VulnerabilityFinding> ofId) {
        Set<String> aliases = new LinkedHashSet<>();
        ofId.forEach(f -> aliases.addAll(f.aliases()));
        aliases.remove(ofId.getFirst().id());
        List<Vulnerability.Reference> out = new ArrayList<>();
        for (String alias : aliases) {
            if (alias == null || alias.isBlank()) {
                continue;
            }
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName(AdvisoryIds.type(alias));
            AdvisoryIds.url(alias).ifPresent(source::setUrl);
            reference.setSource(source);
            out.add(reference);
        }
        return out;
    }

    private static List<Vulnerability.Rating> ratings(List<VulnerabilityFinding> ofId) {
        List<Vulnerability.Rating> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (VulnerabilityFinding f : ofId) {
            for (CvssScore c : f.cvss()) {
                if (c == null || !seen.add("cvss|" + c.source() + "|" + c.version() + "|" + c.vector())) {
                    continue;
                }
                Vulnerability.Rating r = new Vulnerability.Rating();
                r.setSource(source(c.source()));
                if (Double.isFinite(c.baseScore())) {
                    r.setScore(c.baseScore());
                }
                r.setSeverity(severity(c.severity()));
                r.setMethod(method(c.version()));
                if (c.vector() != null && !c.vector().isBlank()) {
                    r.setVector(c.vector());
                }
                out.add(r);
            }
        }
        for (VulnerabilityFinding f : ofId) {
            String who = f.severitySource() == null || f.severitySource().isBlank() ? null : f.severitySource();
            if (who != null && seen.add("vendor|" + who + "|" + f.severity())) {
                Vulnerability.Rating r = new Vulnerability.Rating();
                r.setSource(source(who));
                r.setSeverity(severity(f.severity()));
                out.add(r);
            }
        }
        return out;
    }

    private List<Vulnerability.Affect> affects(List<VulnerabilityFinding> ofId) {
        List<Vulnerability.Affect> out = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (VulnerabilityFinding f : ofId) {
            for (Package p : f.packages()) {
                String ref = bomRefOf.apply(p);
                if (ref == null || !refs.add(ref)) {
                    continue;
                }
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(ref);
                Vulnerability.Version version = new Vulnerability.Version();
                version.setVersion(f.installedVersion());
                version.setStatus(Vulnerability.Version.Status.AFFECTED);
                affect.addVersion(version);
                out.add(affect);
            }
        }
        return out;
    }

    private static List<Property> properties(List<VulnerabilityFinding> ofId) {
        VulnerabilityFinding first = ofId.getFirst();
        List<Property> out = new ArrayList<>();
        if (first.epss() != null) {
            out.add(new Property("kensa:epss", Double.toString(first.epss())));
        }
        if (first.epssPercentile() != null) {
            out.add(new Property("kensa:epss:percentile", Double.toString(first.epssPercentile())));
        }
        KevEntry kev = ofId.stream().map(VulnerabilityFinding::kev).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        out.add(new Property("kensa:kev", Boolean.toString(kev != null)));
        if (kev != null) {
            if (kev.dateAdded() != null) {
                out.add(new Property("kensa:kev:dateAdded", kev.dateAdded().toString()));
            }
            if (kev.dueDate() != null) {
                out.add(new Property("kensa:kev:dueDate", kev.dueDate().toString()));
            }
            if (kev.knownRansomwareUse() != null) {
                out.add(new Property("kensa:kev:knownRansomwareUse", kev.knownRansomwareUse()));
            }
        }
        for (VulnerabilityFinding f : ofId) {
            String pkg = f.pkg().purl() != null ? f.pkg().purl() : f.pkg().name();
            if (f.status() != null) {
                out.add(new Property("kensa:status", pkg + " " + f.status().wireName()));
            }
            if (f.severitySource() != null) {
                out.add(new Property("kensa:severitySource", pkg + " " + f.severitySource()));
            }
            if (f.dataSource() != null) {
                out.add(new Property("kensa:dataSource", pkg + " " + f.dataSource()));
            }
            if (f.matchReason() != null) {
                out.add(new Property("kensa:matchReason", f.matchReason()));
            }
        }
        return out;
    }

    private static Vulnerability.Source source(String name) {
        Vulnerability.Source s = new Vulnerability.Source();
        s.setName(name == null || name.isBlank() ? "unknown" : name);
        return s;
    }

    static Vulnerability.Rating.Method method(String cvssVersion) {
        if (cvssVersion == null) {
            return Vulnerability.Rating.Method.OTHER;
        }
        return switch (cvssVersion.trim()) {
            case "2", "2.0" -> Vulnerability.Rating.Method.CVSSV2;
            case "3", "3.0" -> Vulnerability.Rating.Method.CVSSV3;
            case "3.1" -> Vulnerability.Rating.Method.CVSSV31;
            case "4", "4.0" -> Vulnerability.Rating.Method.CVSSV4;
            default -> Vulnerability.Rating.Method.OTHER;
        };
    }

    static Vulnerability.Rating.Severity severity(Severity s) {
        return switch (s == null ? Severity.UNKNOWN : s) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case UNKNOWN -> Vulnerability.Rating.Severity.UNKNOWN;
        };
    }

    private static java.util.Optional<Integer> cweNumber(String cwe) {
        if (cwe == null) {
            return java.util.Optional.empty();
        }
        Matcher m = CWE.matcher(cwe.trim());
        return m.matches() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }
}
