package io.kensa.db.feed.amazon;

import io.kensa.core.vuln.Severity;
import io.kensa.db.model.VulnerabilityRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the advisories say about each CVE, gathered while they are read and written once at the end: the CVE's
 * paragraph of the first ALAS description that has one ({@code CVE-2023-5981:} on its own line, then the text), the
 * highest severity an ALAS listing it gave, and the pages of those ALAS (how a finding by CVE leads to its ALAS).
 */
final class CveSummaries {
    private static final Pattern HEADER = Pattern.compile("CVE-\\d{4}-\\d{4,}:");

    private final Map<String, Summary> byCve = new LinkedHashMap<>();

    private static final class Summary {
        String description;
        Severity severity;
        final Set<String> urls = new LinkedHashSet<>();
    }

    /** Adds what {@code alas} says about {@code cves} (the valid CVE ids it lists). */
    void add(Alas alas, List<String> cves, Severity severity) {
        Map<String, String> paragraphs = paragraphs(alas.description());
        for (String cve : cves) {
            Summary s = byCve.computeIfAbsent(cve, k -> new Summary());
            if (s.description == null) {
                s.description = paragraphs.get(cve);
            }
            if (severity != null && (s.severity == null || severity.compareTo(s.severity) > 0)) {
                s.severity = severity;
            }
            String page = AlasAdvisories.page(alas.id());
            if (page != null) {
                s.urls.add(page);
            }
        }
    }

    List<VulnerabilityRecord> records() {
        List<VulnerabilityRecord> out = new ArrayList<>(byCve.size());
        byCve.forEach((cve, s) -> out.add(new VulnerabilityRecord(cve, AlasAdvisories.FEED, "en", null,
                s.description, s.severity, List.of(), List.of(), null, null, List.copyOf(s.urls))));
        return out;
    }

    /** The description's paragraphs by CVE: a line {@code CVE-…:} starts one, the next such line ends it. */
    static Map<String, String> paragraphs(String description) {
        Map<String, String> out = new LinkedHashMap<>();
        if (description == null) {
            return out;
        }
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : description.split("\r?\n")) {
            String t = line.strip();
            if (HEADER.matcher(t).matches()) {
                put(out, current, text);
                current = t.substring(0, t.length() - 1);
                text.setLength(0);
            } else if (current != null && !t.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n").append(t);
            }
        }
        put(out, current, text);
        return out;
    }

    private static void put(Map<String, String> out, String cve, StringBuilder text) {
        if (cve != null && !text.isEmpty()) {
            out.putIfAbsent(cve, text.toString());
        }
    }
}
