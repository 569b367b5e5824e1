package io.kensa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.kensa.cli.MainTest.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code kensa db build}, {@code kensa db info}, and scans reading a database with {@code --db}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DbCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path feeds;

    /**
     * A feeds folder holding the corpus' Java index only: these tests are about the commands, and the index is the
     * feed whose effect on a scan shows (kensa-db's AllFeedsBuildTest builds every feed of the corpus).
     */
    private String advisories() throws IOException {
        Path index = feeds.resolve("maven/sha1-index.tsv");
        if (!Files.exists(index)) {
            Files.createDirectories(index.getParent());
            Files.copy(Corpus.root().resolve("advisories/maven/sha1-index.tsv"), index);
        }
        return feeds.toString();
    }

    private Path build() throws IOException {
        Path db = dir.resolve("kensa.db");
        Cli.Result r = Cli.run("db", "build", "--feeds", advisories(), "--output", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return db;
    }

    @Test
    void buildThenInfo() throws IOException {
        Path db = dir.resolve("out/kensa.db");
        Cli.Result r = Cli.run("db", "build", "--feeds", advisories(), "--output", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // a line per feed of the folder (here the Java index alone), then the file written
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).startsWith("maven-sha1-index: 2,406 records from maven/sha1-index.tsv (data of ")
                .containsPattern("\nwrote " + java.util.regex.Pattern.quote(db.toAbsolutePath().toString())
                        + ": \\d+\\.\\d [KM]iB in \\d+\\.\\d\\d s\n");
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files).containsExactly(db);
        }

        Cli.Result info = Cli.run("db", "info", "--db", db.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.err()).isEmpty();
        assertThat(info.out())
                .contains("database:       " + db.toAbsolutePath() + "\n")
                .contains("size:           ")
                .contains("(" + String.format("%,d", Files.size(db)) + " bytes)")
                .contains("schema version: " + io.kensa.db.store.Schema.VERSION + "\n")
                .contains("age:            0 minutes (under the 5 days of --max-age)\n")
                .containsPattern("built:          \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(just now\\) by kensa ")
                .contains("java index:     2,406 jars\n")
                .contains("feeds:\n").contains("\n  maven-sha1-index: 2,406 records, data of ")
                .contains(", from maven/sha1-index.tsv\n");
    }

    @Test
    void theDefaultDatabaseIsInTheCacheDirectoryAndScansUseIt() throws IOException {
        Path cache = dir.resolve("cache");
        Cli.Result built = Cli.run("db", "build", "--feeds", advisories(), "--cache-dir", cache.toString());
        assertThat(built.exit()).as(built.err()).isZero();
        Path db = cache.resolve("db/kensa.db");
        assertThat(built.out()).contains("wrote " + db.toAbsolutePath() + ": ");
        Cli.Result info = Cli.run("db", "info", "--cache-dir", cache.toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("java index:     2,406 jars");

        String image = Corpus.image("java-app.docker.tar").toString();
        Cli.Result scan = Cli.run("image", "--input", image, "-f", "json", "--cache-dir", cache.toString(), "-q");
        assertThat(scan.exit()).as(scan.err()).isZero();
        // a damaged default database costs a one-line warning, not the scan (an explicit --db would be an error)
        Files.write(db, new byte[100]);
        Cli.Result damaged = Cli.run("image", "--input", image, "-f", "json", "--cache-dir", cache.toString(), "-q");
        assertThat(damaged.exit()).as(damaged.err()).isZero();
        assertThat(damaged.err().lines().toList()).containsExactly("kensa: warning: " + db
                + ": not a Kensa database (not an SQLite file); scanning without it");
        assertThat(foundBy(new ObjectMapper().readTree(damaged.out()).path("packages"), "spring-web"))
                .isEqualTo("MANIFEST.MF");
        Files.delete(db);
        Cli.Result without = Cli.run("image", "--input", image, "-f", "json", "--cache-dir", cache.toString(), "-q");
        assertThat(without.exit()).as("no database: packages are still listed").isZero();
        JsonNode withIndex = new ObjectMapper().readTree(scan.out()).path("packages");
        JsonNode withoutIndex = new ObjectMapper().readTree(without.out()).path("packages");
        assertThat(withoutIndex.size()).isEqualTo(withIndex.size());
        // the Java index names the jar that has no Maven metadata; without it, its manifest does
        assertThat(foundBy(withIndex, "org.springframework:spring-web")).isEqualTo("sha1-index");
        assertThat(foundBy(withoutIndex, "spring-web")).isEqualTo("MANIFEST.MF");
        assertOneLineError(Cli.run("db", "info", "--cache-dir", cache.toString()),
                "no database at " + db.toAbsolutePath() + " (build one with kensa db build, or give --db FILE)");
    }

    @Test
    void scansAcceptDbAndRefuseABadOneWithOneLine() throws IOException {
        Path db = build();
        String image = Corpus.image("java-app.docker.tar").toString();
        Path cache = dir.resolve("cache");
        Path report = dir.resolve("report.json");
        Cli.Result r = Cli.run("image", "--input", image, "--db", db.toString(), "-f", "json", "-o", report.toString(),
                "--cache-dir", cache.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("artifact").path("os").path("family").asText()).isEqualTo("debian");
        assertThat(json.path("packages").valueStream().filter(p -> p.path("type").asText().equals("deb")))
                .as("the image's Debian packages").hasSize(20);
        assertThat(foundBy(json.path("packages"), "org.springframework.boot:spring-boot-jarmode-layertools"))
                .as("a jar without Maven metadata, named by the Java index").isEqualTo("sha1-index");
        Files.delete(report);

        Path missing = dir.resolve("missing.db");
        assertOneLineError(Cli.run("image", "--input", image, "--db", missing.toString(), "-f", "json", "-o",
                report.toString(), "--cache-dir", cache.toString()), missing + ": no such database file");
        Path text = Files.writeString(dir.resolve("text.db"), "sha1\tgav\n");
        assertOneLineError(Cli.run("image", "--input", image, "--db", text.toString(), "--cache-dir", cache.toString()),
                text + ": not a Kensa database");
        byte[] bytes = Files.readAllBytes(db);
        Path half = Files.write(dir.resolve("half.db"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(Cli.run("image", "--input", image, "--db", half.toString(), "--cache-dir", cache.toString()),
                half + ": corrupt Kensa database");
        assertThat(report).as("no report from a refused scan").doesNotExist();

        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=alpine\nVERSION_ID=3.20.0\n");
        Cli.Result rootfs = Cli.run("rootfs", dir.resolve("root").toString(), "--db", db.toString(), "-f", "json",
                "--cache-dir", cache.toString());
        assertThat(rootfs.exit()).as(rootfs.err()).isZero();
        assertThat(new ObjectMapper().readTree(rootfs.out()).path("artifact").path("os").path("family").asText())
                .isEqualTo("alpine");
        assertOneLineError(Cli.run("rootfs", dir.resolve("root").toString(), "--db", missing.toString(),
                "--cache-dir", cache.toString()), missing + ": no such database file");
    }

    @Test
    void buildFailuresAreOneLineAndKeepThePreviousDatabase() throws Exception {
        Path db = build();
        byte[] before = Files.readAllBytes(db);
        assertOneLineError(Cli.run("db", "build", "--output", db.toString()),
                "give --feeds DIR, --java-index-artifacts FILE, or both");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLineError(Cli.run("db", "build", "--feeds", empty.toString(), "--output", db.toString()),
                empty + ": no feed found (expected any of: maven/sha1-index.tsv, osv/Maven/all.zip, ");
        Path bad = Files.createDirectories(dir.resolve("bad/maven"));
        Files.writeString(bad.resolve("sha1-index.tsv"), "not\tthe header\n");
        assertOneLineError(Cli.run("db", "build", "--feeds", bad.getParent().toString(), "--output", db.toString()),
                "feed maven-sha1-index: maven/sha1-index.tsv: not a Java sha1 index");
        assertOneLineError(Cli.run("db", "build", "--feeds", advisories(), "--output", db.toString(),
                "--java-index-artifacts", dir.resolve("nope.txt").toString()), "no such file: " + dir.resolve("nope.txt"));
        assertOneLineError(Cli.run("db", "build", "--feeds", advisories(), "--no-such-option"),
                "(see kensa db build --help)");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kensa.db", "empty", "bad");
        }
    }

    @Test
    void theJavaIndexCrawledFromAMavenRepository() throws Exception {
        // a repository on loopback holding picocli (the jar this test runs with) and a version without a jar
        Path jar = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String version = jar.getParent().getFileName().toString();
        String sha1 = sha1(jar);
        Map<String, byte[]> files = Map.of(
                "/m2/info/picocli/picocli/maven-metadata.xml", ("<metadata><groupId>info.picocli</groupId>"
                        + "<artifactId>picocli</artifactId><versioning><versions><version>0.9-no-jar</version><version>"
                        + version + "</version></versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8),
                "/m2/info/picocli/picocli/" + version + "/picocli-" + version + ".jar.sha1",
                (sha1 + "  picocli-" + version + ".jar").getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex; InputStream ignored = ex.getRequestBody()) {
                byte[] body = files.get(ex.getRequestURI().getPath());
                ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
        try {
            Path artifacts = Files.writeString(dir.resolve("artifacts.txt"), "# crawled\ninfo.picocli:picocli\n");
            Path db = dir.resolve("kensa.db");
            Path tsv = dir.resolve("feeds/maven/sha1-index.tsv");
            String repo = "http://127.0.0.1:" + server.getAddress().getPort() + "/m2";
            Cli.Result r = Cli.run("db", "build", "--feeds", advisories(), "--java-index-artifacts", artifacts.toString(),
                    "--maven-repo", repo, "--maven-concurrency", "2", "--java-index-tsv", tsv.toString(),
                    "--output", db.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("maven-sha1-index: 2,406 records")
                    .contains("maven-repository: 1 records from " + repo + "/ (data of ");
            assertThat(Files.readAllLines(tsv)).containsExactly("sha1\tgav", sha1 + "\tinfo.picocli:picocli:" + version);
            assertThat(dir.resolve("kensa.db.maven-crawl")).as("crawl progress removed once built").doesNotExist();
            Cli.Result info = Cli.run("db", "info", "--db", db.toString());
            assertThat(info.out()).contains("java index:     2,407 jars")
                    .contains("  maven-repository: 1 records, data of ").contains(", from " + repo + "/\n");
        } finally {
            server.stop(0);
        }
        // the repository gone: the build fails with one line naming the journal to resume from
        Path artifacts = dir.resolve("artifacts.txt");
        Cli.Result down = Cli.run("db", "build", "--java-index-artifacts", artifacts.toString(), "--maven-repo",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/m2", "--output", dir.resolve("down.db").toString());
        assertOneLineError(down, "run the same command again to resume (progress is kept in "
                + dir.resolve("down.db.maven-crawl").toAbsolutePath() + ")");
        assertThat(dir.resolve("down.db")).doesNotExist();
    }

    @Test
    void helpDocumentsTheDefaults() {
        Cli.Result image = Cli.run("image", "--help");
        assertThat(image.out()).contains("--db=FILE").contains("<cache dir>/db/kensa.db");
        Cli.Result rootfs = Cli.run("rootfs", "--help");
        assertThat(rootfs.out()).contains("--db=FILE");
        Cli.Result build = Cli.run("db", "build", "--help");
        assertThat(build.exit()).isZero();
        assertThat(build.out()).contains("--feeds=DIR").contains("--java-index-artifacts=FILE")
                .contains("https://repo1.maven.org/maven2").contains("OUTPUT.maven-crawl");
        Cli.Result db = Cli.run("db");
        assertThat(db.out()).contains("build").contains("info");
        assertThat(Cli.run("--help").out()).contains("db");
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    /** The evidence of the package of that name in a report's package list. */
    private static String foundBy(JsonNode packages, String name) {
        for (JsonNode p : packages) {
            if (p.path("name").asText().equals(name)) {
                return p.path("foundBy").asText();
            }
        }
        throw new AssertionError("no package " + name);
    }
}
