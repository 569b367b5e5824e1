package io.kensa.db.feed.osv;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One OSV record (<a href="https://ossf.github.io/osv-schema/">OSV schema</a>), as far as Kensa reads it: the fields
 * are bound by name and anything else is ignored. Timestamps are kept as written (RFC 3339 strings) and parsed where
 * they are used, so a malformed date costs that date, not the record.
 *
 * @param upstream OSV 1.7's ids of the records this one derives from ({@code UBUNTU-CVE-2025-0395} names
 *                 {@code CVE-2025-0395})
 */
public record OsvRecord(
        String id,
        String modified,
        String published,
        String withdrawn,
        List<String> aliases,
        List<String> upstream,
        String summary,
        String details,
        List<SeverityEntry> severity,
        List<Affected> affected,
        List<Reference> references,
        @JsonProperty("database_specific") JsonNode databaseSpecific) {

    public OsvRecord {
        aliases = aliases == null ? List.of() : aliases;
        upstream = upstream == null ? List.of() : upstream;
        severity = severity == null ? List.of() : severity;
        affected = affected == null ? List.of() : affected;
        references = references == null ? List.of() : references;
    }

    /** {@code severity[]}: a CVSS vector ({@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}) or a rating ({@code Ubuntu}). */
    public record SeverityEntry(String type, String score) {
    }

    /** {@code affected[]}: one package of one ecosystem, with its ranges and listed versions. */
    public record Affected(
            @JsonProperty("package") Package pkg,
            List<Range> ranges,
            List<String> versions,
            @JsonProperty("ecosystem_specific") JsonNode ecosystemSpecific) {

        public Affected {
            ranges = ranges == null ? List.of() : ranges;
            versions = versions == null ? List.of() : versions;
        }
    }

    /** {@code affected[].package}. */
    public record Package(String ecosystem, String name) {
    }

    /** {@code affected[].ranges[]}: {@code ECOSYSTEM}, {@code SEMVER} or {@code GIT}. */
    public record Range(String type, List<Event> events) {
        public Range {
            events = events == null ? List.of() : events;
        }
    }

    /** One event of a range: exactly one of the four is set. */
    public record Event(
            String introduced,
            String fixed,
            @JsonProperty("last_affected") String lastAffected,
            String limit) {
    }

    /** {@code references[]}. */
    public record Reference(String type, String url) {
    }
}
