package io.kensa.analyze.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.cache.DirectoryLayerCache;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.engine.FileDispatcher;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LayerScanner;
import io.kensa.analyze.engine.ScratchSpace;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LayerRef;
import io.kensa.image.source.LocalImages;
import io.kensa.image.tar.TarEntry;
import io.kensa.image.tar.TarReader;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The secret analyzer and the config detector on the real corpus images: every planted secret of
 * secrets-misconfig (planted.json) in the layer that holds it, nothing on every other image, and nothing planted
 * left unmasked in any field, report or cache file.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecretCorpusTest {
    private static final String IMAGE = "secrets-misconfig.docker.tar";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path scratch;

    /** Each layer of an image read by the secret analyzer alone, through the real layer scanner. */
    private List<LayerResult> layers(String image) throws IOException {
        List<LayerResult> out = new ArrayList<>();
        AnalyzerRegistry registry = new AnalyzerRegistry(List.of(new SecretAnalyzer(SecretRuleSet.builtin())));
        try (ImageSource src = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT);
             ScratchSpace space = ScratchSpace.under(scratch)) {
            LayerScanner scanner = new LayerScanner(new FileDispatcher(registry, space), 1 << 20);
            for (LayerRef layer : src.layers()) {
                try (InputStream blob = src.openBlob(layer);
                     LayerStream s = LayerStream.open(blob, layer, LayerLimits.DEFAULT)) {
                    out.add(scanner.scan(layer.diffId(), s).result());
                }
            }
        }
        return out;
    }

    private ScanReport scan(String input, Platform platform, AnalyzerRegistry registry, LayerCache cache)
            throws IOException {
        try (ImageSource source = LocalImages.open(input, platform, LayerLimits.DEFAULT)) {
            return new ImageScanner(registry, cache, scratch, LayerLimits.DEFAULT, 2, ScanProgress.NONE,
                    JavaIndex.NONE, List.of(new ConfigSecretDetector(SecretRuleSet.builtin()))).scan(source);
        }
    }

    private static List<SecretMatch> matches(LayerResult layer, String path) {
        return layer.files().stream().filter(f -> f.path().equals(path)).flatMap(f -> f.secrets().stream()).toList();
    }

    @Test
    void everyPlantedSecretIsFoundInTheLayerBlobThatHoldsIt() throws IOException {
        List<LayerResult> layers = layers(IMAGE);
        assertThat(layers).hasSize(5);
        LayerResult l2 = layers.get(2);

        assertThat(matches(l2, "root/.aws/credentials"))
                .extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::severity, SecretMatch::example)
                .containsExactly(
                        tuple("aws-access-key-id", 2, "LOW", true),
                        tuple("aws-secret-access-key", 3, "LOW", true),
                        tuple("aws-access-key-id", 6, "CRITICAL", false),
                        tuple("aws-secret-access-key", 7, "CRITICAL", false));
        assertThat(matches(l2, "app/id_rsa")).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(tuple("private-key", 1, "-----BEGIN RSA PRIVATE KEY-----"));
        assertThat(matches(l2, "app/.env")).extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(tuple("generic-secret-assignment", 3, "DATABASE_PASSWORD=5hBW*****"));
        assertThat(matches(l2, "app/config/settings.yml"))
                .extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::match)
                .containsExactly(
                        tuple("github-pat", 4, "github_token: ghp_*****"),
                        tuple("slack-web-hook", 5, "slack_webhook: https://hooks.slack.com/services/T1WX*****"));

        // nothing else anywhere, and the setuid busybox of L4 counts as a binary file read no further
        long others = layers.stream().flatMap(l -> l.files().stream()).filter(f -> !f.secrets().isEmpty()).count();
        assertThat(others).isEqualTo(4);
        assertThat(layers.get(4).skipped()).containsEntry("secret: binary", 1L);
        assertThat(layers.get(0).skipped().get("secret: binary")).isGreaterThan(10L);
    }

    @Test
    void theImageScanReportsLayersDeletedFilesAndTheConfig() throws IOException {
        ScanReport report = scan(Corpus.image(IMAGE).toString(), null,
                new AnalyzerRegistry(List.of(new SecretAnalyzer(SecretRuleSet.builtin()))), LayerCache.NONE);
        String l2 = report.layers().get(2).diffId();
        assertThat(report.secrets())
                .extracting(SecretFinding::path, SecretFinding::ruleId, SecretFinding::layer, SecretFinding::deleted,
                        SecretFinding::severity)
                .containsExactlyInAnyOrder(
                        tuple("/app/.env", "generic-secret-assignment", l2, true, Severity.HIGH),
                        tuple("/app/config/settings.yml", "github-pat", l2, false, Severity.CRITICAL),
                        tuple("/app/config/settings.yml", "slack-web-hook", l2, false, Severity.MEDIUM),
                        tuple("/app/id_rsa", "private-key", l2, true, Severity.HIGH),
                        tuple("/root/.aws/credentials", "aws-access-key-id", l2, false, Severity.LOW),
                        tuple("/root/.aws/credentials", "aws-secret-access-key", l2, false, Severity.LOW),
                        tuple("/root/.aws/credentials", "aws-access-key-id", l2, false, Severity.CRITICAL),
                        tuple("/root/.aws/credentials", "aws-secret-access-key", l2, false, Severity.CRITICAL),
                        tuple("config:Env", "aws-secret-access-key", null, false, Severity.CRITICAL),
                        tuple("config:history[2]", "aws-secret-access-key", null, false, Severity.CRITICAL));
        SecretFinding env = report.secrets().stream().filter(s -> s.path().equals("config:Env")).findFirst()
                .orElseThrow();
        assertThat(env.line()).isEqualTo(2);
        assertThat(env.match()).isEqualTo("AWS_SECRET_ACCESS_KEY=L8Md*****");
    }

    @Test
    void nothingPlantedIsLeftUnmaskedInMatchesReportsOrTheCache() throws IOException {
        List<String> raw = plantedValues();
        raw.addAll(privateKeyLines());
        assertThat(raw).hasSizeGreaterThan(30);

        String layerJson = JSON.writeValueAsString(layers(IMAGE));
        Path cacheDir = scratch.resolve("cache");
        AnalyzerRegistry registry = new AnalyzerRegistry(List.of(new SecretAnalyzer(SecretRuleSet.builtin())));
        ScanReport report = scan(Corpus.image(IMAGE).toString(), null, registry,
                new DirectoryLayerCache(cacheDir, registry.versionKey()));
        String reportJson = JSON.writeValueAsString(List.of(report.secrets(), report.warnings()));
        StringBuilder cacheBytes = new StringBuilder();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                cacheBytes.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(layerJson).contains("ghp_*****");
        assertThat(reportJson).contains("AWS_SECRET_ACCESS_KEY=L8Md*****");
        assertThat(cacheBytes).contains("hooks.slack.com/services/T1WX*****");
        for (String value : raw) {
            assertThat(layerJson).as("layer results").doesNotContain(value);
            assertThat(reportJson).as("report").doesNotContain(value);
            assertThat(cacheBytes).as("cache files").doesNotContain(value);
        }
    }

    /** The raw planted values of planted.json (secrets only). */
    private static List<String> plantedValues() throws IOException {
        JsonNode planted = JSON.readTree(Corpus.image("secrets-misconfig.expected/planted.json").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode p : planted.path("planted")) {
            String kind = p.path("kind").asText();
            if (p.hasNonNull("value") && !kind.equals("misconfig")) {
                out.add(p.get("value").asText());
            }
        }
        assertThat(out).hasSize(8);
        return out;
    }

    /** Every base64 line of the planted private key, read from the L2 blob. */
    private static List<String> privateKeyLines() throws IOException {
        try (ImageSource src = LocalImages.open(Corpus.image(IMAGE).toString(), null, LayerLimits.DEFAULT)) {
            LayerRef l2 = src.layers().get(2);
            try (InputStream blob = src.openBlob(l2); LayerStream s = LayerStream.open(blob, l2, LayerLimits.DEFAULT)) {
                TarReader tar = new TarReader(new BufferedInputStream(s), 1 << 20);
                for (TarEntry e; (e = tar.next()) != null; ) {
                    if (e.name().endsWith("app/id_rsa")) {
                        String key = new String(tar.content().readAllBytes(), StandardCharsets.US_ASCII);
                        return new ArrayList<>(key.lines().filter(l -> !l.isEmpty() && !l.startsWith("-----"))
                                .toList());
                    }
                }
            }
        }
        throw new AssertionError("no app/id_rsa in layer 2");
    }

    /** Every image with a package ground truth (images.tsv) except the one with planted secrets. */
    static Stream<Arguments> cleanImages() {
        Path tsv = Corpus.image("images.tsv");
        int name = Corpus.column(tsv, "name");
        int file = Corpus.column(tsv, "file");
        int platform = Corpus.column(tsv, "platform");
        int expected = Corpus.column(tsv, "expected_packages");
        List<Arguments> rows = Corpus.tsvBody(tsv).stream()
                .filter(r -> !r[expected].isEmpty() && !r[name].equals("secrets-misconfig"))
                .map(r -> Arguments.of(r[name], r[file], r[platform]))
                .toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(14);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanImages")
    void cleanImagesHaveNoSecretFinding(String name, String file, String platform) throws IOException {
        Counting counting = new Counting(new SecretAnalyzer(SecretRuleSet.builtin()));
        ScanReport report = scan(Corpus.image(file).toString(), platform.isEmpty() ? null : Platform.parse(platform),
                new AnalyzerRegistry(List.of(counting)), LayerCache.NONE);
        assertThat(counting.asked.get()).as("%s: files offered to the secret analyzer", name).isPositive();
        assertThat(report.secrets()).as("%s: secret findings", name).isEmpty();
    }

    /** The secret analyzer, counting the files it is offered. */
    private static final class Counting implements Analyzer {
        private final SecretAnalyzer delegate;
        final AtomicInteger asked = new AtomicInteger();

        Counting(SecretAnalyzer delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public int version() {
            return delegate.version();
        }

        @Override
        public boolean wants(String path) {
            asked.incrementAndGet();
            return delegate.wants(path);
        }

        @Override
        public boolean followsLinks() {
            return delegate.followsLinks();
        }

        @Override
        public FileResult analyze(FileEntry entry) throws IOException {
            return delegate.analyze(entry);
        }
    }

    @Test
    void configSecretsNeedTheImageConfig() throws IOException {
        try (ImageSource src = LocalImages.open(Corpus.image(IMAGE).toString(), null, LayerLimits.DEFAULT)) {
            ScanReport empty = new ScanReport(null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of());
            ConfigSecretDetector detector = new ConfigSecretDetector(SecretRuleSet.builtin());
            assertThat(detector.apply(empty, null, null)).isSameAs(empty);
            ScanReport withConfig = detector.apply(empty, null, src.config());
            assertThat(withConfig.secrets()).extracting(SecretFinding::path, SecretFinding::line,
                            SecretFinding::ruleId, SecretFinding::layer, SecretFinding::match)
                    .containsExactly(
                            tuple("config:Env", 2, "aws-secret-access-key", null, "AWS_SECRET_ACCESS_KEY=L8Md*****"),
                            tuple("config:history[2]", 1, "aws-secret-access-key", null,
                                    "/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=L8Md*****"));
        }
    }
}
