package io.kensa.db.feed.osv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaException;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.feed.FeedRegistry;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.store.DatabaseWriter;
import io.kensa.db.store.KensaDatabase;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OSV zips that are damaged or hostile, made here from a real record of the corpus (npm's GHSA-4xc9-xhrj-v574,
 * lodash): a bad record is a warning naming zip and entry and the build goes on; a bad archive fails it with one
 * line and leaves no database behind.
 */
class OsvZipFeedRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZIP = OsvSource.NPM.path();

    @TempDir
    Path dir;
    Path feeds;
    byte[] lodash;

    @BeforeEach
    void realRecord() throws IOException {
        feeds = dir.resolve("feeds");
        try (ZipFile zip = new ZipFile(Corpus.root().resolve("advisories").resolve(ZIP).toFile())) {
            lodash = zip.getInputStream(zip.getEntry("GHSA-4xc9-xhrj-v574.json")).readAllBytes();
        }
    }

    private ObjectNode record() throws IOException {
        return (ObjectNode) JSON.readTree(lodash);
    }

    private static byte[] bytes(ObjectNode record) throws IOException {
        return JSON.writeValueAsBytes(record);
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = feeds.resolve(ZIP);
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private OsvZipFeed.Loaded load(FeedWarnings warnings) throws IOException, SQLException {
        try (DatabaseWriter db = DatabaseWriter.create(dir.resolve("load-" + System.nanoTime() + ".db"))) {
            OsvZipFeed.Loaded loaded = new OsvZipFeed(OsvSource.NPM).loadCounting(feeds, db, warnings);
            db.finish(Instant.now());
            return loaded;
        }
    }

    private void buildFails(String message) {
        Path db = dir.resolve("out/kensa.db");
        assertThatThrownBy(() -> new DatabaseBuilder(FeedRegistry.defaults()).build(feeds, db))
                .isInstanceOfSatisfying(KensaException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("\n").startsWith("feed osv-npm: ").contains(message);
                });
        assertThat(db).doesNotExist();
        assertThat(db.getParent()).isEmptyDirectory();
    }

    @Test
    void badRecordsAreWarningsNamingZipAndEntryAndTheRestLoads() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("GHSA-4xc9-xhrj-v574.json", lodash);
        entries.put("truncated.json", Arrays.copyOf(lodash, lodash.length / 2));
        entries.put("array.json", "[]".getBytes(StandardCharsets.UTF_8));
        ObjectNode noId = record();
        noId.remove("id");
        entries.put("no-id.json", bytes(noId));
        ObjectNode aliasesNotAList = record().put("id", "GHSA-aliases-as-text").put("aliases", "CVE-2018-16487");
        entries.put("aliases.json", bytes(aliasesNotAList));
        ObjectNode twoKindsInOneEvent = record().put("id", "GHSA-bad-event");
        ((ObjectNode) twoKindsInOneEvent.withArray("affected").get(0).withArray("ranges").get(0).withArray("events")
                .get(1)).put("introduced", "1.0.0");
        entries.put("bad-event.json", bytes(twoKindsInOneEvent));
        StringBuilder deep = new StringBuilder("{\"id\":\"GHSA-deep\",\"database_specific\":");
        deep.append("[".repeat(200)).append("]".repeat(200)).append('}');
        entries.put("deep.json", deep.toString().getBytes(StandardCharsets.UTF_8));
        entries.put("trailing.json", (new String(lodash, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8));
        entries.put("bad\u0007name\n.json", "not json".getBytes(StandardCharsets.UTF_8));
        zip(entries);

        FeedWarnings warnings = new FeedWarnings();
        OsvZipFeed.Loaded loaded = load(warnings);
        assertThat(loaded.counts().records()).as("the real record and the one with a bad event").isEqualTo(2);
        assertThat(loaded.counts().advisories()).isEqualTo(1);
        assertThat(loaded.counts().malformedEntries()).isEqualTo(1);
        assertThat(warnings.count()).isEqualTo(8);
        assertThat(warnings.first()).allSatisfy(w -> assertThat(w).startsWith(ZIP + "!").doesNotContain("\n"));
        assertThat(String.join("\n", warnings.first()))
                .contains(ZIP + "!truncated.json: not an OSV record (")
                .contains(ZIP + "!array.json: not an OSV record (")
                .contains(ZIP + "!no-id.json: no id, skipped")
                .contains(ZIP + "!aliases.json: not an OSV record (")
                .contains(ZIP + "!bad-event.json: affected lodash (npm): a range event is none of introduced, fixed,"
                        + " last_affected, limit; entry skipped")
                .contains(ZIP + "!deep.json: not an OSV record (")
                .contains(ZIP + "!trailing.json: not an OSV record (")
                .contains(ZIP + "!bad name .json: not an OSV record (");
    }

    @Test
    void withdrawnRecordsGitOnlyEntriesAndOtherEcosystemsAreCountedNotWarned() throws Exception {
        ObjectNode withdrawn = record().put("id", "GHSA-withdrawn").put("withdrawn", "2024-01-01T00:00:00Z");
        ObjectNode gitOnly = record().put("id", "GHSA-git-only");
        ObjectNode range = (ObjectNode) gitOnly.withArray("affected").get(0).withArray("ranges").get(0);
        range.put("type", "GIT").put("repo", "https://github.com/lodash/lodash");
        ObjectNode maven = record().put("id", "GHSA-maven-entry");
        ((ObjectNode) maven.withArray("affected").get(0).get("package")).put("ecosystem", "Maven");
        ObjectNode noPackage = record().put("id", "GHSA-no-package");
        ((ObjectNode) noPackage.withArray("affected").get(0)).remove("package");
        ObjectNode twice = record().put("id", "GHSA-twice");
        ArrayNode affected = twice.withArray("affected");
        affected.add(affected.get(0).deepCopy());
        zip(Map.of("a.json", bytes(withdrawn), "b.json", bytes(gitOnly), "c.json", bytes(maven),
                "d.json", bytes(noPackage), "e.json", bytes(twice), "README.txt", "not a record".getBytes()));
        FeedWarnings warnings = new FeedWarnings();
        OsvCounts counts = load(warnings).counts();
        assertThat(warnings.count()).isZero();
        assertThat(counts.withdrawn()).isEqualTo(1);
        assertThat(counts.records()).isEqualTo(4);
        assertThat(counts.noRange()).isEqualTo(1);
        assertThat(counts.otherEcosystem()).isEqualTo(1);
        assertThat(counts.noPackage()).isEqualTo(1);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.advisories()).isEqualTo(1);
    }

    @Test
    void anEntryNameIsOnlyALabel() throws Exception {
        zip(Map.of("../../../../tmp/evil.json", lodash, "/abs/GHSA.json", bytes(record().put("id", "GHSA-abs"))));
        Path db = dir.resolve("kensa.db");
        new DatabaseBuilder(FeedRegistry.defaults()).build(feeds, db);
        try (KensaDatabase open = KensaDatabase.open(db)) {
            assertThat(open.advisories("npm", "lodash")).extracting(a -> a.vulnerabilityId())
                    .containsExactlyInAnyOrder("GHSA-4xc9-xhrj-v574", "GHSA-abs");
            assertThat(open.advisories("npm", "lodash")).allSatisfy(a -> assertThat(a.ranges())
                    .containsExactly(AffectedRange.fixedIn("4.17.11")));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("evil.json"))).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAZipFailsTheBuild() throws IOException {
        Files.createDirectories(feeds.resolve(ZIP).getParent());
        Files.write(feeds.resolve(ZIP), lodash);
        buildFails(ZIP + ": not a zip archive (");
        // a real zip cut in half has lost its central directory
        byte[] real = Files.readAllBytes(Corpus.root().resolve("advisories").resolve(ZIP));
        Files.write(feeds.resolve(ZIP), Arrays.copyOf(real, real.length / 2));
        buildFails(ZIP + ": not a zip archive (");
        Files.write(feeds.resolve(ZIP), new byte[0]);
        buildFails(ZIP + ": not a zip archive (");
    }

    @Test
    void anEntryThatDoesNotInflateFailsTheBuild() throws IOException {
        Path zip = zip(Map.of("GHSA-4xc9-xhrj-v574.json", lodash));
        byte[] bytes = Files.readAllBytes(zip);
        // the deflate data begins after the local header (30 bytes + the name): make its first block a reserved type
        int data = 30 + "GHSA-4xc9-xhrj-v574.json".length();
        bytes[data] = (byte) 0xff;
        Files.write(zip, bytes);
        buildFails(ZIP + "!GHSA-4xc9-xhrj-v574.json: damaged zip entry (");
    }

    @Test
    void aZipBombFailsTheBuildWithoutInflatingIt() throws IOException {
        Path zip = feeds.resolve(ZIP);
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("GHSA-4xc9-xhrj-v574.json"));
            out.write(lodash);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("bomb.json"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 1024; i++) { // 1 GiB of white space, a megabyte compressed
                out.write(spaces);
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(2 << 20);
        buildFails(ZIP + "!bomb.json: inflates past 16,777,216 bytes: not an OSV record (zip bomb?)");
    }

    @Test
    void tooManyEntriesOrTooManyBytesInAllFailTheArchive() throws IOException, SQLException {
        Path zip = zip(Map.of("a.json", lodash, "b.json", lodash, "c.json", lodash));
        FeedWarnings warnings = new FeedWarnings();
        assertThatThrownBy(() -> new OsvZipReader(2, 1 << 20, 1 << 30).read(zip, ZIP, warnings, (w, r) -> { }))
                .isInstanceOf(KensaException.class)
                .hasMessage(ZIP + ": 3 entries, more than the 2 an OSV all.zip may hold");
        assertThatThrownBy(() -> new OsvZipReader(10, 1 << 20, lodash.length * 2L + 1).read(zip, ZIP, warnings, (w, r) -> { }))
                .isInstanceOf(KensaException.class)
                .hasMessage(ZIP + ": inflates past " + String.format("%,d", lodash.length * 2L + 1)
                        + " bytes: not an OSV all.zip");
        assertThatThrownBy(() -> new OsvZipReader(10, 100, 1 << 30).read(zip, ZIP, warnings, (w, r) -> { }))
                .isInstanceOf(KensaException.class)
                .hasMessageStartingWith(ZIP + "!")
                .hasMessageEndingWith(".json: inflates past 100 bytes: not an OSV record (zip bomb?)");
        assertThat(warnings.count()).isZero();
        List<String> read = new java.util.ArrayList<>();
        new OsvZipReader(3, lodash.length, lodash.length * 3L).read(zip, ZIP, warnings, (w, r) -> read.add(r.id()));
        assertThat(read).containsExactly("GHSA-4xc9-xhrj-v574", "GHSA-4xc9-xhrj-v574", "GHSA-4xc9-xhrj-v574");
    }
}
