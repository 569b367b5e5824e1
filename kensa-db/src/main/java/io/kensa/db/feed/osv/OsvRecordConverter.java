package io.kensa.db.feed.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Namespaces;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.db.model.VulnerabilityRecord;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one OSV record into what the database stores: the vulnerability (texts, severity, CVSS, CWE, dates,
 * references), its aliases, and one {@link AffectedPackage} per {@code affected[]} entry of the ecosystems the feed
 * owns.
 * <ul>
 *   <li>Ranges: ECOSYSTEM and SEMVER kept with their events in order; GIT ranges dropped; {@code versions} kept.</li>
 *   <li>Severity of an entry: Debian's {@code ecosystem_specific.urgency} ({@code unimportant}, {@code low},
 *       {@code medium}, {@code high}; {@code not yet assigned} and {@code end-of-life} are none), Ubuntu's
 *       {@code ubuntu_priority} or the record's {@code Ubuntu} severity. Debian's {@code end-of-life} with no fix is
 *       the status {@link VulnerabilityStatus#END_OF_LIFE}.</li>
 *   <li>Severity of the record: GHSA's {@code database_specific.severity} (LOW, MODERATE, HIGH, CRITICAL), else the
 *       record's {@code Ubuntu} severity.</li>
 *   <li>Aliases: the record's {@code aliases} only. {@code related} never (a DSA relates to the CVEs it fixes:
 *       distinct vulnerabilities). {@code upstream} only when the record is the publisher's rendition of one
 *       upstream id, its id being that id with a prefix ({@code UBUNTU-CVE-2025-0395} of
 *       {@code CVE-2025-0395}).</li>
 * </ul>
 */
final class OsvRecordConverter {
    private final OsvSource source;
    private final FeedWarnings warnings;
    private final OsvCounts counts;

    OsvRecordConverter(OsvSource source, FeedWarnings warnings, OsvCounts counts) {
        this.source = source;
        this.warnings = warnings;
        this.counts = counts;
    }

    /** What one record gives. */
    record Converted(VulnerabilityRecord vulnerability, Set<String> aliases, List<AffectedPackage> advisories) {
    }

    /** Converts {@code r} (which has an id and is not withdrawn); {@code where} names it in warnings. */
    Converted convert(OsvRecord r, String where) {
        Severity ubuntuPriority = null;
        List<CvssScore> cvss = new ArrayList<>();
        for (OsvRecord.SeverityEntry s : r.severity()) {
            if (s == null || s.type() == null) {
                continue;
            }
            switch (s.type()) {
                case "CVSS_V2", "CVSS_V3", "CVSS_V4" -> CvssVectors.score(source.scoreSource(r.id()), s.score())
                        .ifPresentOrElse(cvss::add, () -> warnings.add(where, "not a CVSS vector: '"
                                + clip(s.score()) + "' (" + s.type() + "), score dropped"));
                case "Ubuntu" -> ubuntuPriority = severity(s.score());
                default -> { // a rating system Kensa does not read
                }
            }
        }
        JsonNode db = r.databaseSpecific();
        Severity recordSeverity = db != null && db.path("severity").isTextual()
                ? severity(db.path("severity").asText()) : null;
        if (recordSeverity == null) {
            recordSeverity = ubuntuPriority;
        }
        VulnerabilityRecord vulnerability = new VulnerabilityRecord(r.id(), source.feedId(), "en", text(r.summary()),
                text(r.details()), recordSeverity, cvss, cwes(db), instant(r.published()), instant(r.modified()),
                urls(r.references()));
        return new Converted(vulnerability, aliases(r), advisories(r, ubuntuPriority, where));
    }

    private List<AffectedPackage> advisories(OsvRecord r, Severity ubuntuPriority, String where) {
        List<AffectedPackage> out = new ArrayList<>();
        Set<List<Object>> seen = new LinkedHashSet<>();
        for (OsvRecord.Affected a : r.affected()) {
            if (a == null || a.pkg() == null || a.pkg().ecosystem() == null || blank(a.pkg().name())) {
                counts.noPackage++;
                continue;
            }
            String ecosystem = a.pkg().ecosystem();
            if (!source.ecosystems().owns(ecosystem)) {
                counts.otherEcosystem++;
                continue;
            }
            String namespace = source.ecosystems().namespace(ecosystem);
            if (namespace == null) {
                counts.unmappedStream++;
                continue;
            }
            List<AffectedRange> ranges = ranges(a.ranges());
            if (ranges == null) {
                counts.malformedEntries++;
                warnings.add(where, "affected " + clip(a.pkg().name()) + " (" + clip(ecosystem)
                        + "): a range event is none of introduced, fixed, last_affected, limit; entry skipped");
                continue;
            }
            List<String> versions = a.versions().stream().filter(v -> !blank(v)).toList();
            if (ranges.isEmpty() && versions.isEmpty()) {
                counts.noRange++;
                continue;
            }
            JsonNode specific = a.ecosystemSpecific();
            String urgency = specific == null ? null : specific.path("urgency").asText(null);
            Severity severity = severity(urgency);
            if (severity == null && specific != null) {
                severity = severity(specific.path("ubuntu_priority").asText(null));
            }
            if (severity == null) {
                severity = ubuntuPriority;
            }
            VulnerabilityStatus status = "end-of-life".equals(urgency) && !hasFix(ranges)
                    ? VulnerabilityStatus.END_OF_LIFE : null;
            String name = a.pkg().name();
            if (!seen.add(List.of(namespace, Namespaces.packageName(namespace, name), ranges, versions,
                    String.valueOf(status), String.valueOf(severity)))) {
                counts.duplicates++;
                continue;
            }
            out.add(new AffectedPackage(namespace, name, r.id(), source.feedId(), ranges, versions, status, severity));
        }
        return out;
    }

    /** ECOSYSTEM and SEMVER ranges (GIT dropped); null when an event is malformed. */
    private static List<AffectedRange> ranges(List<OsvRecord.Range> ranges) {
        List<AffectedRange> out = new ArrayList<>();
        for (OsvRecord.Range range : ranges) {
            if (range == null || !("ECOSYSTEM".equals(range.type()) || "SEMVER".equals(range.type()))) {
                continue;
            }
            List<RangeEvent> events = new ArrayList<>();
            for (OsvRecord.Event e : range.events()) {
                RangeEvent event = e == null ? null : event(e);
                if (event == null) {
                    return null;
                }
                events.add(event);
            }
            if (!events.isEmpty()) {
                out.add(new AffectedRange(range.type(), events));
            }
        }
        return out;
    }

    private static RangeEvent event(OsvRecord.Event e) {
        int set = (e.introduced() != null ? 1 : 0) + (e.fixed() != null ? 1 : 0) + (e.lastAffected() != null ? 1 : 0)
                + (e.limit() != null ? 1 : 0);
        if (set != 1) {
            return null;
        }
        RangeEvent event = e.introduced() != null ? RangeEvent.introduced(e.introduced())
                : e.fixed() != null ? RangeEvent.fixed(e.fixed())
                : e.lastAffected() != null ? RangeEvent.lastAffected(e.lastAffected()) : RangeEvent.limit(e.limit());
        return blank(event.version()) ? null : event;
    }

    private static boolean hasFix(List<AffectedRange> ranges) {
        return ranges.stream().flatMap(r -> r.events().stream()).anyMatch(e -> e.kind() == RangeEvent.Kind.FIXED);
    }

    private static Set<String> aliases(OsvRecord r) {
        Set<String> out = new LinkedHashSet<>();
        for (String alias : r.aliases()) {
            if (!blank(alias) && !alias.equals(r.id())) {
                out.add(alias.strip());
            }
        }
        if (r.upstream().size() == 1) {
            String upstream = r.upstream().getFirst();
            if (!blank(upstream) && r.id().endsWith("-" + upstream.strip())) {
                out.add(upstream.strip());
            }
        }
        return out;
    }

    private static List<String> cwes(JsonNode db) {
        List<String> out = new ArrayList<>();
        if (db != null) {
            for (JsonNode cwe : db.path("cwe_ids")) {
                if (cwe.isTextual() && !cwe.asText().isBlank()) {
                    out.add(cwe.asText().strip());
                }
            }
        }
        return out;
    }

    /** The references' URLs, the ADVISORY ones first (each group in the record's order). */
    private static List<String> urls(List<OsvRecord.Reference> references) {
        Set<String> advisories = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (OsvRecord.Reference ref : references) {
            if (ref != null && !blank(ref.url())) {
                ("ADVISORY".equals(ref.type()) ? advisories : others).add(ref.url().strip());
            }
        }
        others.removeAll(advisories);
        List<String> out = new ArrayList<>(advisories);
        out.addAll(others);
        return out;
    }

    /**
     * A publisher's rating: Debian urgencies ({@code low*} marks an unsure one), Ubuntu priorities, GHSA severities.
     * Null for ratings that say nothing ({@code not yet assigned}, {@code end-of-life}, {@code untriaged}).
     */
    static Severity severity(String rating) {
        if (rating == null) {
            return null;
        }
        String r = rating.strip().toLowerCase(Locale.ROOT);
        while (r.endsWith("*")) {
            r = r.substring(0, r.length() - 1);
        }
        Severity s = Severity.parse(r);
        return s == Severity.UNKNOWN ? null : s;
    }

    /**
     * An RFC 3339 timestamp; null when absent, malformed, or before 1970 (golang/vulndb's files carry the
     * placeholder {@code 0001-01-01T00:00:00Z}).
     */
    static Instant instant(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            Instant i = Instant.parse(s.strip());
            return i.isBefore(Instant.EPOCH) ? null : i;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
