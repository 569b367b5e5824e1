package io.kensa.db.feed.rubysec;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.vuln.Severity;
import io.kensa.db.feed.FeedMappers;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One ruby-advisory-db advisory, {@code gems/<gem>/<id>.yml} (the bundler-audit format): {@code gem},
 * {@code cve} ({@code 2008-7248}), {@code ghsa} ({@code 8fqx-7pv4-3jwm}), {@code osvdb}, {@code title},
 * {@code date}, {@code url}, {@code description}, {@code cvss_v2}/{@code cvss_v3}/{@code cvss_v4} (base scores),
 * {@code patched_versions} and {@code unaffected_versions} (RubyGems requirements), {@code related.url}.
 *
 * <p>The id is the GHSA id when there is one (the id the GitHub advisory of the same gem carries, so both feeds
 * name one vulnerability), else {@code CVE-…}, else {@code OSVDB-…}, else the file name; the others are its
 * aliases. The affected versions are those no patched and no unaffected requirement matches ({@link AffectedEvents}).
 * The severity is the CVSS rating of the newest score given (v4, v3, then v2); the scores come without their
 * vectors, so no {@code CvssScore} is stored.
 */
final class RubysecAdvisory {
    static final String FEED = "rubysec";
    static final String NAMESPACE = "gem";
    private static final Pattern GEM = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern GHSA = Pattern.compile("[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}");
    private static final Pattern CVE = Pattern.compile("\\d{4}-\\d{4,}");
    private static final Pattern OSVDB = Pattern.compile("\\d+");

    private RubysecAdvisory() {
    }

    /**
     * @param id              the advisory's id
     * @param aliases         its other ids
     * @param affectedPackage the gem's affected versions
     * @param vulnerability   title, description, severity, date and links
     * @param approximated    whether {@link AffectedEvents#approximated()}
     */
    record Parsed(String id, List<String> aliases, AffectedPackage affectedPackage, VulnerabilityRecord vulnerability,
                  boolean approximated) {
    }

    /**
     * @param fileStem the file name without {@code .yml}, the id of last resort
     * @return the advisory, null when no version is affected
     * @throws IllegalArgumentException when it is not such an advisory (the message says why)
     * @throws IOException              when it is not YAML
     */
    static Parsed parse(byte[] bytes, String fileStem) throws IOException {
        JsonNode root = FeedMappers.YAML.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        String gem = text(root, "gem");
        if (gem == null || !GEM.matcher(gem).matches()) {
            throw new IllegalArgumentException(gem == null ? "no gem" : "gem '" + gem + "' is not a gem name");
        }
        List<String> ids = new ArrayList<>();
        add(ids, "GHSA-", text(root, "ghsa"), GHSA, "ghsa");
        add(ids, "CVE-", text(root, "cve"), CVE, "cve");
        add(ids, "OSVDB-", text(root, "osvdb"), OSVDB, "osvdb");
        if (ids.isEmpty()) {
            ids.add(fileStem);
        }
        VersionSet unaffected = VersionSet.NONE;
        for (String field : List.of("patched_versions", "unaffected_versions")) {
            for (String requirement : strings(root, field)) {
                unaffected = unaffected.union(GemRequirement.parse(requirement));
            }
        }
        AffectedEvents events = AffectedEvents.of(unaffected.complement());
        if (events == null) {
            return null;
        }
        String id = ids.getFirst();
        AffectedPackage pkg = new AffectedPackage(NAMESPACE, gem, id, FEED, List.of(events.range()), List.of(), null,
                null);
        Set<String> urls = new LinkedHashSet<>();
        String url = text(root, "url");
        if (url != null) {
            urls.add(url);
        }
        urls.addAll(strings(root.path("related"), "url"));
        VulnerabilityRecord v = new VulnerabilityRecord(id, FEED, "en", text(root, "title"),
                text(root, "description"), severity(root), List.of(), List.of(), date(text(root, "date")), null,
                List.copyOf(urls));
        return new Parsed(id, ids.subList(1, ids.size()), pkg, v, events.approximated());
    }

    private static void add(List<String> ids, String prefix, String value, Pattern pattern, String field) {
        if (value == null) {
            return;
        }
        String v = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
        if (!pattern.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' is not " + prefix + "…");
        }
        ids.add(prefix + v);
    }

    /** A field holding one string or a list of strings. */
    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.path(field);
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) {
                    throw new IllegalArgumentException(field + " holds something other than a string ("
                            + e.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
                }
                out.add(e.asText());
            }
        } else if (v.isValueNode() && !v.isNull()) {
            out.add(v.asText());
        } else if (!v.isMissingNode() && !v.isNull()) {
            throw new IllegalArgumentException(field + " is neither a string nor a list");
        }
        return out;
    }

    private static Severity severity(JsonNode root) {
        for (String field : List.of("cvss_v4", "cvss_v3")) {
            JsonNode s = root.get(field);
            if (s != null && s.isNumber()) {
                return Severity.fromCvssScore(s.asDouble());
            }
        }
        JsonNode v2 = root.get("cvss_v2");
        if (v2 != null && v2.isNumber()) {
            double s = v2.asDouble();
            return s >= 7.0 ? Severity.HIGH : s >= 4.0 ? Severity.MEDIUM : Severity.LOW;
        }
        return null;
    }

    private static Instant date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
