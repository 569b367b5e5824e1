package io.kensa.db.feed.alpine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alpine's secdb, from files made of the corpus' v3.11 {@code main.json} (the corpus as a whole is read by
 * AllFeedsBuildTest): the branch folders, the "0" rule, and damaged files.
 */
class AlpineSecdbFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path feeds;
    ObjectNode main311;

    @BeforeEach
    void corpusFile() throws IOException {
        feeds = dir.resolve("feeds");
        main311 = (ObjectNode) JSON.readTree(Corpus.root().resolve("advisories/alpine/secdb/v3.11/main.json").toFile());
    }

    /** The v3.11 main.json with only the packages named. */
    private ObjectNode only(String... names) {
        ObjectNode copy = main311.deepCopy();
        ArrayNode kept = copy.putArray("packages");
        for (var p : main311.withArray("packages")) {
            if (List.of(names).contains(p.path("pkg").path("name").asText())) {
                kept.add(p.deepCopy());
            }
        }
        return copy;
    }

    private void write(String branch, String repo, Object content) throws IOException {
        Path file = feeds.resolve(AlpineSecdbFeed.DIR).resolve(branch).resolve(repo + ".json");
        Files.createDirectories(file.getParent());
        if (content instanceof String s) {
            Files.writeString(file, s);
        } else {
            JSON.writeValue(file.toFile(), content);
        }
    }

    private BuildResult build() throws IOException {
        return new DatabaseBuilder(FeedRegistry.defaults()).build(feeds, dir.resolve("kensa.db"));
    }

    private void buildFails(String message) {
        assertThatThrownBy(this::build).isInstanceOfSatisfying(KensaException.class, e -> {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("feed alpine-secdb: " + message);
            assertThat(e.exitCode()).isEqualTo(2);
        });
        assertThat(dir.resolve("kensa.db")).doesNotExist();
    }

    @Test
    void branchFoldersNameTheNamespace() {
        assertThat(AlpineSecdbFeed.namespace("v3.11")).isEqualTo("alpine:3.11");
        assertThat(AlpineSecdbFeed.namespace("v3.2")).isEqualTo("alpine:3.2");
        assertThat(AlpineSecdbFeed.namespace("edge")).isEqualTo("alpine:edge");
        assertThat(AlpineSecdbFeed.namespace("3.11")).isNull();
        assertThat(AlpineSecdbFeed.namespace("v3")).isNull();
        assertThat(AlpineSecdbFeed.namespace("latest-stable")).isNull();
    }

    @Test
    void aFixedVersionOfZeroGivesNoRowAndDoesNotHideALaterFix() throws IOException {
        ObjectNode file = only("busybox", "openssl");
        // busybox lists CVE-2021-42373 under "0" (never affected on 3.11); the same id with a real fixed version
        // under another package of the file must still give that package a row
        ObjectNode openssl = (ObjectNode) file.withArray("packages").get(1).get("pkg");
        assertThat(openssl.path("name").asText()).isEqualTo("openssl");
        ((ObjectNode) openssl.get("secfixes")).putArray("0").add("CVE-2021-3449");
        write("v3.11", "main", file);
        write("edge", "main", only("openssl"));
        BuildResult built = build();
        FeedReport report = built.feeds().getFirst();
        assertThat(report.id()).isEqualTo("alpine-secdb");
        assertThat(report.warningCount()).isZero();
        try (KensaDatabase db = KensaDatabase.open(built.output())) {
            List<AffectedPackage> busybox = db.advisories("alpine:3.11", "busybox");
            assertThat(busybox).extracting(AffectedPackage::vulnerabilityId).doesNotContain("CVE-2021-42373",
                    "CVE-2021-42375", "CVE-2021-42376", "CVE-2021-42377").contains("CVE-2021-42374", "CVE-2017-16544");
            // "0" and "1.1.1k-r0" both name CVE-2021-3449 for openssl: the real fix stays
            assertThat(db.advisories("alpine:3.11", "openssl")).filteredOn(a -> a.vulnerabilityId().equals("CVE-2021-3449"))
                    .singleElement().satisfies(a -> {
                        assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1.1.1k-r0"));
                        assertThat(a.severity()).isNull();
                        assertThat(a.status()).isNull();
                        assertThat(a.versions()).isEmpty();
                    });
            assertThat(db.advisories("alpine:edge", "openssl")).hasSize(16);
            assertThat(db.advisories("alpine:3.11", "openssl")).hasSize(16);
            assertThat(report.records()).isEqualTo(busybox.size() + 16 + 16);
        }
    }

    @Test
    void damagedPackagesAreWarningsTheRestLoads() throws IOException {
        ObjectNode file = only("openssl");
        ArrayNode packages = file.withArray("packages");
        packages.addObject().putObject("pkg").put("secfixes", "not an object").put("name", "musl");
        packages.addObject().putObject("pkg").putObject("secfixes").putArray("1.0-r0").add("CVE-2020-0001");
        ObjectNode zlib = packages.addObject().putObject("pkg").put("name", "zlib");
        ObjectNode fixes = zlib.putObject("secfixes");
        fixes.putArray("1.2.11-r4").add(42).add("   ").add("CVE-2022-37434 other-id");
        fixes.put("1.2.12-r0", "CVE-2018-25032");
        write("v3.11", "main", file);
        write("not-a-branch", "main", only("openssl"));
        BuildResult built = build();
        FeedReport report = built.feeds().getFirst();
        assertThat(report.records()).isEqualTo(16 + 1);
        assertThat(report.firstWarnings()).containsExactly(
                "alpine/secdb/not-a-branch: not a branch folder (vX.Y or edge), skipped",
                "alpine/secdb/v3.11/main.json musl: secfixes is not an object, skipped",
                "alpine/secdb/v3.11/main.json packages[2]: no package name, skipped",
                "alpine/secdb/v3.11/main.json zlib: secfixes '1.2.11-r4': '42' is not an id, skipped",
                "alpine/secdb/v3.11/main.json zlib: secfixes '1.2.11-r4': '\"   \"' is not an id, skipped",
                "alpine/secdb/v3.11/main.json zlib: secfixes '1.2.12-r0' is not a version with a list of ids, skipped");
        try (KensaDatabase db = KensaDatabase.open(built.output())) {
            assertThat(db.advisories("alpine:3.11", "zlib")).singleElement().satisfies(a -> {
                assertThat(a.vulnerabilityId()).as("the first word").isEqualTo("CVE-2022-37434");
                assertThat(a.ranges()).containsExactly(AffectedRange.fixedIn("1.2.11-r4"));
            });
        }
    }

    @Test
    void aFileThatIsNotSecdbFailsTheBuild() throws IOException {
        write("v3.11", "main", "{\"packages\": [");
        buildFails("alpine/secdb/v3.11/main.json: not JSON (Unexpected end-of-input");
        write("v3.11", "main", "{\"distroversion\": \"v3.11\"}");
        buildFails("alpine/secdb/v3.11/main.json: not a secdb file (no packages array)");
        write("v3.11", "main", "[]");
        buildFails("alpine/secdb/v3.11/main.json: not a secdb file (no packages array)");
        Files.delete(feeds.resolve(AlpineSecdbFeed.DIR).resolve("v3.11/main.json"));
        buildFails("alpine/secdb: no <branch>/main.json or community.json");
    }
}
