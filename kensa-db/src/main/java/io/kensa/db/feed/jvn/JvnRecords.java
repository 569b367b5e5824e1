package io.kensa.db.feed.jvn;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.VulnerabilityRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JVNDB item as what the database keeps: its {@link VulnerabilityRecord} (feed {@code jvn}, in the document's
 * language) and the CVE ids it names ({@code sec:references source="CVE"}, or {@code source="NVD"} with a CVE id).
 * CVSS scores are JVN's own ({@code source} {@code jvn}), v3 before v2; the severity is that of the first.
 */
final class JvnRecords {
    static final Pattern JVNDB = Pattern.compile("JVNDB-\\d{4}-\\d{4,9}");
    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final Pattern CWE = Pattern.compile("CWE-\\d{1,6}");
    private static final List<String> VERSION_ORDER = List.of("3.1", "3.0", "4.0", "2.0");

    /** A JVNDB entry and the CVEs it describes. */
    record Entry(VulnerabilityRecord record, List<String> cves) {
        /** The same text under a CVE id, so a finding on that CVE can show JVN's (Japanese) title. */
        VulnerabilityRecord asCve(String cve) {
            VulnerabilityRecord r = record;
            return new VulnerabilityRecord(cve, r.feed(), r.lang(), r.title(), r.description(), r.severity(), r.cvss(),
                    r.cwes(), r.published(), r.modified(), r.urls());
        }
    }

    private JvnRecords() {
    }

    /** The entry of {@code item}, or null with a warning when it has no JVNDB identifier. */
    static Entry entry(JvnItem item, String lang, String where, FeedWarnings warnings) {
        String id = item.identifier();
        if (id == null || !JVNDB.matcher(id).matches()) {
            warnings.add(where + (item.about() == null ? "" : " (" + FeedText.clip(item.about()) + ")"),
                    id == null ? "no sec:identifier"
                            : "sec:identifier is not a JVNDB id: '" + FeedText.clip(id) + "'");
            return null;
        }
        where = where + " (" + id + ")";
        Set<String> cves = new LinkedHashSet<>();
        Set<String> cwes = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        if (item.link() != null) {
            urls.add(item.link());
        } else if (item.about() != null) {
            urls.add(item.about());
        }
        for (JvnItem.Reference ref : item.references()) {
            String refId = ref.id() == null ? "" : ref.id().strip();
            String source = ref.source() == null ? "" : ref.source().strip().toUpperCase(Locale.ROOT);
            if ((source.equals("CVE") || source.equals("NVD")) && CVE.matcher(refId).matches()) {
                cves.add(refId);
            } else if (CWE.matcher(refId).matches()) {
                cwes.add(refId);
            }
            if (ref.url() != null && ref.url().length() < 2048) {
                urls.add(ref.url());
            }
        }
        List<CvssScore> cvss = cvss(item.cvss(), where, warnings);
        Severity severity = cvss.isEmpty() ? null : cvss.getFirst().severity();
        Instant issued = date(item.issued() != null ? item.issued() : item.date(), "dcterms:issued", where, warnings);
        Instant modified = date(item.modified() != null ? item.modified() : item.date(), "dcterms:modified", where,
                warnings);
        VulnerabilityRecord record = new VulnerabilityRecord(id, JvnFeed.ID, lang, item.title(), item.description(),
                severity, cvss, List.copyOf(cwes), issued, modified, List.copyOf(urls));
        return new Entry(record, List.copyOf(cves));
    }

    private static List<CvssScore> cvss(List<JvnItem.Cvss> all, String where, FeedWarnings warnings) {
        List<CvssScore> out = new ArrayList<>();
        for (JvnItem.Cvss c : all) {
            if (c.type() != null && !c.type().isBlank() && !c.type().strip().equalsIgnoreCase("Base")) {
                continue; // temporal or environmental scores: the base score is the one compared everywhere
            }
            CvssScore s = CvssVectors.score(JvnFeed.ID, c.vector()).orElse(null);
            if (s == null) {
                s = published(c);
                warnings.add(where, "sec:cvss vector '" + FeedText.clip(c.vector()) + "' does not score"
                        + (s == null ? "; dropped" : "; its published score is kept"));
                if (s == null) {
                    continue;
                }
            }
            out.add(s);
        }
        out.sort(Comparator.comparingInt(s -> {
            int i = VERSION_ORDER.indexOf(s.version());
            return i < 0 ? VERSION_ORDER.size() : i;
        }));
        return out;
    }

    private static CvssScore published(JvnItem.Cvss c) {
        if (c.vector() == null || c.vector().isBlank() || c.version() == null || c.score() == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(c.score().strip());
            if (!(score >= 0.0 && score <= 10.0)) {
                return null;
            }
            String version = c.version().strip();
            return new CvssScore(JvnFeed.ID, version, c.vector().strip(), score, CvssVectors.severity(version, score));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(String text, String field, String where, FeedWarnings warnings) {
        Instant t = FeedDates.instant(text);
        if (t == null && text != null) {
            warnings.add(where, field + " is not a date: '" + FeedText.clip(text) + "'");
        }
        return t;
    }
}
