package io.kensa.db.feed.rubysec;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedMappers;
import io.kensa.db.feed.FeedTesting;
import io.kensa.db.feed.StoredRows;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.StoredAdvisories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.kensa.db.feed.FeedTesting.advisories;
import static io.kensa.db.feed.FeedTesting.build;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corpus' ruby-advisory-db: 1,234 gem advisories and 147 interpreter advisories. */
class RubysecFeedTest {
    private static final String FEED = "rubysec";

    @TempDir
    static Path dir;
    static Path db;
    static FeedReport report;

    @BeforeAll
    static void buildOnce() throws Exception {
        db = dir.resolve("kensa.db");
        report = build(new RubysecFeed(), advisories(), db);
    }

    @Test
    void everyGemAdvisoryIsLoadedAndInterpretersArePassedOver() throws Exception {
        assertThat(report.records()).isEqualTo(1232);
        assertThat(report.snapshot()).as("newest advisory date").isEqualTo(Instant.parse("2026-08-18T00:00:00Z"));
        // two advisories whose requirements cover every version (bundler-audit reports nothing for them either)
        assertThat(report.firstWarnings()).containsExactly(
                "rubysec/ruby-advisory-db.zip!gems/ckeditor/CVE-2021-32808.yml: patched and unaffected versions"
                        + " cover every version: nothing affected, skipped",
                "rubysec/ruby-advisory-db.zip!gems/cron_parser/CVE-2019-15224.yml: patched and unaffected versions"
                        + " cover every version: nothing affected, skipped",
                "rubies/: 147 Ruby interpreter advisories passed over (no interpreter packages to match yet)");
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            assertThat(s.countBy(FEED, "namespace")).isEqualTo(Map.of("gem", 1232L));
            assertThat(s.countBy(FEED, "substr(vuln_id, 1, 5)")).isEqualTo(Map.of("GHSA-", 1174L, "OSVDB", 58L));
            // introduced at <v>.0.0.1 (the fixed versions 8.0.0.1 of actionpack and 5.0.0.1 of actionview are real ones)
            assertThat(s.where(FEED, "1 = 1").stream().filter(a -> a.ranges().stream().flatMap(g -> g.events().stream())
                    .anyMatch(e -> e.kind() == RangeEvent.Kind.INTRODUCED && e.version().endsWith(".0.0.1"))))
                    .as("advisories with an interval starting just after a version").hasSize(13);
        }
    }

    @Test
    void theIdIsTheGhsaAndTheOtherIdsAreAliases() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db); StoredRows r = new StoredRows(db)) {
            assertThat(s.where(FEED, "vuln_id = 'GHSA-8fqx-7pv4-3jwm'")).containsExactly(new AffectedPackage("gem",
                    "actionpack", "GHSA-8fqx-7pv4-3jwm", FEED, List.of(new AffectedRange("ECOSYSTEM", List.of(
                    RangeEvent.introduced("2.1.0"), RangeEvent.fixed("2.1.3"), RangeEvent.introduced("2.2"),
                    RangeEvent.fixed("2.2.2")))), List.of(), null, null));
            assertThat(r.aliases("GHSA-8fqx-7pv4-3jwm")).containsExactly("CVE-2008-7248");
            assertThat(r.aliases("CVE-2008-7248")).contains("GHSA-8fqx-7pv4-3jwm");
            VulnerabilityRecord v = r.vulnerabilities(FEED).get("GHSA-8fqx-7pv4-3jwm");
            assertThat(v.title()).isEqualTo("Improper Input Validation in rails");
            assertThat(v.severity()).as("cvss_v2 6.8").isEqualTo(Severity.MEDIUM);
            assertThat(v.published()).isEqualTo(Instant.parse("2017-10-24T00:00:00Z"));
            assertThat(v.description()).startsWith("Ruby on Rails 2.1 before 2.1.3 and 2.2.x before");
            assertThat(v.urls().getFirst()).isEqualTo(
                    "https://weblog.rubyonrails.org/2008/11/18/potential-circumvention-of-csrf-protection-in-rails-2-1");
            // an advisory without GHSA or CVE is named by its OSVDB id
            assertThat(s.count("SELECT count(*) FROM advisories WHERE feed = ? AND vuln_id LIKE 'OSVDB-%'"
                    + " AND vuln_id NOT IN (SELECT id FROM aliases)", FEED)).isPositive();
        }
    }

    @Test
    void nokogiriBetweenItsUnaffectedAndItsPatchedVersions() throws Exception {
        try (StoredAdvisories s = new StoredAdvisories(db)) {
            // gems/nokogiri/CVE-2022-23476.yml: unaffected "<= 1.13.7", patched ">= 1.13.10"
            List<AffectedPackage> rows = s.where(FEED, "package = 'nokogiri' AND vuln_id IN"
                    + " (SELECT id FROM aliases WHERE alias = 'CVE-2022-23476')");
            assertThat(rows).singleElement().satisfies(a -> assertThat(a.ranges().getFirst().events()).containsExactly(
                    RangeEvent.introduced("1.13.7.0.0.1"), RangeEvent.fixed("1.13.10")));
        }
    }

    /**
     * For every advisory of the corpus: on each version its requirements name (and the bump, a patch release and a
     * prerelease of each), the stored events say "affected" exactly when RubyGems' own test (Gem::Requirement#===,
     * done here operator by operator) matches no patched and no unaffected requirement. The two documented
     * differences are left out: a prerelease of a {@code ~>} bump, and versions between v and v.0.0.1 (none is
     * generated).
     */
    @Test
    void theEventsAgreeWithRubyGemsOnEveryVersionTheAdvisoriesName() throws Exception {
        int advisories = 0;
        int checked = 0;
        try (ZipFile zip = new ZipFile(advisories().resolve(RubysecFeed.ZIP).toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> e.getName().matches("gems/[^/]+/[^/]+\\.yml")).toList()) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                String stem = e.getName().substring(e.getName().lastIndexOf('/') + 1).replace(".yml", "");
                RubysecAdvisory.Parsed parsed = RubysecAdvisory.parse(bytes, stem);
                if (parsed == null) {
                    continue;
                }
                advisories++;
                JsonNode yaml = FeedMappers.YAML.readTree(bytes);
                List<String> requirements = new ArrayList<>();
                yaml.path("patched_versions").forEach(n -> requirements.add(n.asText()));
                yaml.path("unaffected_versions").forEach(n -> requirements.add(n.asText()));
                List<RangeEvent> events = parsed.affectedPackage().ranges().getFirst().events();
                for (String candidate : candidates(requirements)) {
                    if (isPessimisticBumpPrerelease(candidate, requirements)) {
                        continue;
                    }
                    boolean expected = requirements.stream().noneMatch(r -> satisfies(r, candidate));
                    assertThat(affected(events, candidate)).as(e.getName() + " " + requirements + " on " + candidate
                            + ", events " + events).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(advisories).isEqualTo(1232);
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void malformedAdvisoriesAreWarningsAndAnArchiveWithoutAdvisoriesFails() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ruby-advisory-db-master/gems/a/CVE-2020-0001.yml", bytes("""
                gem: a
                cve: 2020-0001
                cvss_v3: 9.8
                patched_versions:
                  - ">= 1.0"
                """));
        entries.put("ruby-advisory-db-master/gems/b/CVE-2020-0002.yml", bytes("gem: b\npatched_versions: [\"=> 1.0\"]\n"));
        entries.put("ruby-advisory-db-master/gems/c/CVE-2020-0003.yml", bytes("gem: c\n  bad: indentation\n: x\n"));
        entries.put("ruby-advisory-db-master/gems/d/CVE-2020-0004.yml", bytes("- a list\n"));
        entries.put("ruby-advisory-db-master/gems/e/CVE-2020-0005.yml", bytes("cve: 2020-0005\n"));
        entries.put("ruby-advisory-db-master/gems/f/CVE-2020-0006.yml", bytes("gem: f\nghsa: not-a-ghsa\n"));
        entries.put("ruby-advisory-db-master/gems/g/CVE-2020-0007.yml", bytes("gem: g\npatched_versions: {a: 1}\n"));
        entries.put("ruby-advisory-db-master/gems/h/CVE-2020-0008.yml", bytes("gem: h\nunaffected_versions: [[1]]\n"));
        entries.put("ruby-advisory-db-master/gems/i/CVE-2020-0009.yml", bytes("gem: !!java.io.File /etc/passwd\n"));
        byte[] big = new byte[RubysecFeed.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) '#');
        entries.put("ruby-advisory-db-master/gems/j/CVE-2020-0010.yml", big);
        entries.put("ruby-advisory-db-master/spec/gems/x/fixture.yml", bytes("gem: x\n"));
        Path feeds = dir.resolve("malformed");
        FeedTesting.zip(feeds.resolve(RubysecFeed.ZIP), entries);
        Path out = dir.resolve("malformed.db");
        FeedReport r = build(new RubysecFeed(), feeds, out);
        assertThat(r.records()).isEqualTo(1);
        String zip = "rubysec/ruby-advisory-db.zip!ruby-advisory-db-master/gems/";
        assertThat(r.firstWarnings()).hasSize(9);
        assertThat(r.firstWarnings()).contains(
                zip + "b/CVE-2020-0002.yml: requirement '=> 1.0' is not RubyGems syntax, skipped",
                zip + "d/CVE-2020-0004.yml: not a YAML mapping, skipped",
                zip + "e/CVE-2020-0005.yml: no gem, skipped",
                zip + "f/CVE-2020-0006.yml: ghsa 'not-a-ghsa' is not GHSA-…, skipped",
                zip + "g/CVE-2020-0007.yml: patched_versions is neither a string nor a list, skipped",
                zip + "h/CVE-2020-0008.yml: unaffected_versions holds something other than a string (array), skipped",
                // a YAML tag constructs nothing: the value is read as the text it is
                zip + "i/CVE-2020-0009.yml: gem '/etc/passwd' is not a gem name, skipped",
                zip + "j/CVE-2020-0010.yml: larger than " + RubysecFeed.MAX_FILE_BYTES + " bytes, skipped");
        assertThat(r.firstWarnings()).anyMatch(w -> w.startsWith(zip + "c/CVE-2020-0003.yml: not YAML ("));
        try (StoredAdvisories s = new StoredAdvisories(out); StoredRows rows = new StoredRows(out)) {
            assertThat(s.where(FEED, "1 = 1")).extracting(AffectedPackage::packageName, AffectedPackage::vulnerabilityId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "CVE-2020-0001"));
            assertThat(rows.vulnerabilities(FEED).get("CVE-2020-0001").severity()).isEqualTo(Severity.CRITICAL);
        }

        Path empty = dir.resolve("empty");
        FeedTesting.zip(empty.resolve(RubysecFeed.ZIP), Map.of("README.md", bytes("# ruby-advisory-db")));
        assertThatThrownBy(() -> build(new RubysecFeed(), empty, dir.resolve("empty.db")))
                .isInstanceOf(KensaException.class).hasMessage("feed rubysec: rubysec/ruby-advisory-db.zip: no"
                        + " advisories (expected gems/<gem>/<id>.yml)");
        Files.writeString(empty.resolve(RubysecFeed.ZIP), "not a zip");
        assertThatThrownBy(() -> build(new RubysecFeed(), empty, dir.resolve("empty.db")))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith("feed rubysec: rubysec/ruby-advisory-db.zip: not a zip archive");
    }

    @Test
    void aCheckoutOfTheRepositoryIsReadLikeTheArchive() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout/rubysec/ruby-advisory-db/gems/actionpack"));
        try (ZipFile zip = new ZipFile(advisories().resolve(RubysecFeed.ZIP).toFile())) {
            Files.write(checkout.resolve("CVE-2008-7248.yml"),
                    zip.getInputStream(zip.getEntry("gems/actionpack/CVE-2008-7248.yml")).readAllBytes());
        }
        Path out = dir.resolve("checkout.db");
        assertThat(build(new RubysecFeed(), dir.resolve("checkout"), out).records()).isEqualTo(1);
        try (StoredAdvisories a = new StoredAdvisories(out); StoredAdvisories b = new StoredAdvisories(db)) {
            assertThat(a.where(FEED, "1 = 1")).isEqualTo(b.where(FEED, "vuln_id = 'GHSA-8fqx-7pv4-3jwm'"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- an independent reading of the requirements, as Gem::Requirement#=== does it

    private static boolean satisfies(String requirement, String version) {
        GemVersion v = GemVersion.parse(version);
        for (String part : requirement.split(",")) {
            String p = part.strip();
            String op = p.startsWith("~>") ? "~>" : p.startsWith(">=") ? ">=" : p.startsWith("<=") ? "<="
                    : p.startsWith("!=") ? "!=" : p.startsWith(">") ? ">" : p.startsWith("<") ? "<"
                    : p.startsWith("=") ? "=" : "";
            GemVersion r = GemVersion.parse(p.substring(op.length()).strip());
            int c = v.compareTo(r);
            boolean ok = switch (op) {
                case "", "=" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "~>" -> c >= 0 && release(version).compareTo(r.bump()) < 0;
                default -> throw new IllegalStateException(op);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Gem::Version#release: the version up to its first letter segment. */
    private static GemVersion release(String version) {
        String[] segments = version.replace("-", ".pre.").split("\\.");
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            if (!s.chars().allMatch(Character::isDigit)) {
                break;
            }
            b.append(b.isEmpty() ? "" : ".").append(s);
        }
        return GemVersion.parse(b.isEmpty() ? "0" : b.toString());
    }

    /** OSV's evaluation of sorted events: introduced (0 = from the first), fixed, last_affected. */
    private static boolean affected(List<RangeEvent> events, String version) {
        GemVersion v = GemVersion.parse(version);
        List<RangeEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(e -> GemVersion.parse(e.version())));
        boolean affected = false;
        for (RangeEvent e : sorted) {
            int c = v.compareTo(GemVersion.parse(e.version()));
            switch (e.kind()) {
                case INTRODUCED -> affected |= e.version().equals("0") || c >= 0;
                case FIXED -> affected &= c < 0;
                case LAST_AFFECTED -> affected &= c <= 0;
                case LIMIT -> affected &= c < 0;
            }
        }
        return affected;
    }

    private static Set<String> candidates(List<String> requirements) {
        Set<String> out = new LinkedHashSet<>(List.of("0.0.1", "0.1", "1.0", "99.0"));
        for (String r : requirements) {
            for (String part : r.split(",")) {
                String v = part.strip().replaceFirst("^(~>|>=|<=|!=|>|<|=)\\s*", "");
                out.add(v);
                out.add(v + ".1");
                out.add(v + ".a");
                GemVersion bump = GemVersion.parse(v).bump();
                out.add(bump.toString());
                out.add(bump + ".1");
            }
        }
        return out;
    }

    private static boolean isPessimisticBumpPrerelease(String candidate, List<String> requirements) {
        GemVersion c = GemVersion.parse(candidate);
        if (!c.isPrerelease()) {
            return false;
        }
        for (String r : requirements) {
            for (String part : r.split(",")) {
                String p = part.strip();
                if (p.startsWith("~>") && release(candidate).equals(GemVersion.parse(p.substring(2).strip()).bump())) {
                    return true;
                }
            }
        }
        return false;
    }
}
