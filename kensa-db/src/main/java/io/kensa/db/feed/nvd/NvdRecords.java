package io.kensa.db.feed.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.VulnerabilityRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code cve} object of the NVD CVE API 2.0 as a {@link VulnerabilityRecord}: the English description, every
 * CVSS metric (v3.1, v3.0, v4.0, v2) scored from its vector, NVD's own first, the CWE ids of {@code weaknesses}
 * (NVD's first, without {@code NVD-CWE-Other}/{@code NVD-CWE-noinfo}), the dates, and the references after the
 * record's NVD page.
 *
 * <p>The severity is that of the primary score: NVD's own v3.x ({@code nvd@nist.gov}, type {@code Primary}), else
 * a v4.0 score, else NVD's v2, else a CNA's v3.x (a record NVD has not analysed yet carries only the CNA's).
 */
final class NvdRecords {
    static final String NVD_SOURCE = "nvd@nist.gov";
    /** NVD names some sources by a UUID; this one is CISA's ADP container ("Vulnrichment"). */
    static final String CISA_ADP_UUID = "134c704f-9b21-4f2e-91b3-4a467353bcc0";
    /** The metric arrays, in the order their scores are listed (within NVD's, then within the others'). */
    private static final List<String> METRICS = List.of("cvssMetricV31", "cvssMetricV30", "cvssMetricV40", "cvssMetricV2");
    private static final int MAX_URLS = 500;
    private static final Pattern CWE = Pattern.compile("CWE-\\d{1,6}");

    /** A parsed record, or a rejected CVE (no record). */
    record Parsed(VulnerabilityRecord record, boolean rejected) {
    }

    private NvdRecords() {
    }

    /** The record of {@code cve}, or null (with a warning naming {@code where}) when it is not a CVE record. */
    static Parsed parse(JsonNode cve, String where, FeedWarnings warnings) {
        if (!cve.isObject()) {
            warnings.add(where, "no 'cve' object");
            return null;
        }
        String id = cve.path("id").asText(null);
        if (!NvdFeed.isCve(id)) {
            warnings.add(where, "not a CVE id: '" + FeedText.clip(id) + "'");
            return null;
        }
        where = where + " (" + id + ")";
        if ("Rejected".equalsIgnoreCase(cve.path("vulnStatus").asText(""))) {
            return new Parsed(null, true);
        }
        List<Metric> metrics = metrics(cve.path("metrics"), where, warnings);
        List<CvssScore> cvss = new ArrayList<>();
        metrics.stream().filter(Metric::byNvd).forEach(m -> cvss.add(m.score()));
        metrics.stream().filter(m -> !m.byNvd()).forEach(m -> cvss.add(m.score()));
        Instant published = date(cve, "published", where, warnings);
        Instant modified = date(cve, "lastModified", where, warnings);
        return new Parsed(new VulnerabilityRecord(id, NvdFeed.ID, "en", null, description(cve),
                severity(metrics), cvss, cwes(cve.path("weaknesses")), published, modified, urls(id, cve)), false);
    }

    /** One CVSS metric of the record, scored. */
    private record Metric(String array, boolean byNvd, boolean primary, CvssScore score) {
        boolean v3() {
            return score.version().startsWith("3.");
        }
    }

    private static List<Metric> metrics(JsonNode all, String where, FeedWarnings warnings) {
        List<Metric> out = new ArrayList<>();
        for (String array : METRICS) {
            for (JsonNode m : all.path(array)) {
                String source = m.path("source").asText("");
                String vector = m.path("cvssData").path("vectorString").asText(null);
                String name = sourceName(source);
                CvssScore score = CvssVectors.score(name, vector).orElse(null);
                if (score == null) {
                    score = published(name, array, vector, m);
                    warnings.add(where, array + " vector '" + FeedText.clip(vector) + "' does not score"
                            + (score == null ? "; metric dropped" : "; its published score is kept"));
                    if (score == null) {
                        continue;
                    }
                }
                out.add(new Metric(array, source.equalsIgnoreCase(NVD_SOURCE),
                        "Primary".equalsIgnoreCase(m.path("type").asText("")), score));
            }
        }
        return out;
    }

    /** A metric whose vector does not score, as published (when it has a vector and a base score at all). */
    private static CvssScore published(String source, String array, String vector, JsonNode m) {
        JsonNode base = m.path("cvssData").path("baseScore");
        if (vector == null || vector.isBlank() || !base.isNumber()) {
            return null;
        }
        String version = m.path("cvssData").path("version").asText(array.equals("cvssMetricV2") ? "2.0" : "");
        double score = base.asDouble();
        return new CvssScore(source, version, vector, score, CvssVectors.severity(version, score));
    }

    private static Severity severity(List<Metric> metrics) {
        return metrics.stream().filter(m -> m.byNvd() && m.primary() && m.v3()).findFirst()
                .or(() -> metrics.stream().filter(m -> m.score().version().equals("4.0"))
                        .min((a, b) -> Boolean.compare(b.primary(), a.primary())))
                .or(() -> metrics.stream().filter(m -> m.byNvd() && m.score().version().equals("2.0")).findFirst())
                .or(() -> metrics.stream().filter(Metric::v3)
                        .min((a, b) -> Boolean.compare(b.primary(), a.primary())))
                .map(m -> m.score().severity()).orElse(null);
    }

    /**
     * How a score's source is named: {@code nvd} for NVD, the e-mail domain of a CNA ({@code github.com} for
     * {@code security-advisories@github.com}), {@code cisa-adp} for CISA's ADP, else the source as NVD wrote it.
     */
    static String sourceName(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String s = source.strip().toLowerCase(Locale.ROOT);
        if (s.equals(NVD_SOURCE)) {
            return NvdFeed.ID;
        }
        if (s.equals(CISA_ADP_UUID)) {
            return "cisa-adp";
        }
        int at = s.lastIndexOf('@');
        return at >= 0 && at < s.length() - 1 ? s.substring(at + 1) : s;
    }

    private static String description(JsonNode cve) {
        for (JsonNode d : cve.path("descriptions")) {
            if ("en".equalsIgnoreCase(d.path("lang").asText("")) && d.path("value").isTextual()) {
                return d.path("value").asText();
            }
        }
        return null;
    }

    private static List<String> cwes(JsonNode weaknesses) {
        Set<String> nvd = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (JsonNode w : weaknesses) {
            Set<String> into = NVD_SOURCE.equalsIgnoreCase(w.path("source").asText("")) ? nvd : others;
            for (JsonNode d : w.path("description")) {
                String v = d.path("value").asText("").strip();
                if (CWE.matcher(v).matches()) {
                    into.add(v);
                }
            }
        }
        nvd.addAll(others);
        return List.copyOf(nvd);
    }

    private static List<String> urls(String id, JsonNode cve) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add("https://nvd.nist.gov/vuln/detail/" + id);
        for (JsonNode r : cve.path("references")) {
            String url = r.path("url").asText("").strip();
            if (!url.isEmpty() && urls.size() < MAX_URLS) {
                urls.add(url);
            }
        }
        return List.copyOf(urls);
    }

    private static Instant date(JsonNode cve, String field, String where, FeedWarnings warnings) {
        String text = cve.path(field).asText(null);
        Instant t = FeedDates.instant(text);
        if (t == null && text != null) {
            warnings.add(where, field + " is not a date: '" + FeedText.clip(text) + "'");
        }
        return t;
    }
}
