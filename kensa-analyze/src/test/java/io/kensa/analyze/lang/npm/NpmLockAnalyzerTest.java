package io.kensa.analyze.lang.npm;

import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NpmLockAnalyzerTest {
    private final NpmLockAnalyzer locks = new NpmLockAnalyzer();

    private static Set<String> ids(FileResult r) {
        return r.packages().stream().map(p -> p.name() + "@" + p.version()).collect(Collectors.toSet());
    }

    private static Set<String> devIds(FileResult r) {
        return r.packages().stream().filter(p -> Boolean.TRUE.equals(p.dev()))
                .map(p -> p.name() + "@" + p.version()).collect(Collectors.toSet());
    }

    @Test
    void wantsLockFilesOutsideNodeModules() {
        assertThat(locks.wants("app/package-lock.json")).isTrue();
        assertThat(locks.wants("package-lock.json")).isTrue();
        assertThat(locks.wants("srv/web/npm-shrinkwrap.json")).isTrue();
        assertThat(locks.wants("app/yarn.lock")).isTrue();
        assertThat(locks.wants("app/pnpm-lock.yaml")).isTrue();
        assertThat(locks.wants("app/node_modules/.package-lock.json")).isFalse();
        assertThat(locks.wants("app/node_modules/x/package-lock.json")).isFalse();
        assertThat(locks.wants("node_modules/x/yarn.lock")).isFalse();
        assertThat(locks.wants("app/my-package-lock.json")).isFalse();
        assertThat(locks.wants("app/package.json")).isFalse();
    }

    /** Every tool's lock file of the same project names the same 15 packages, each once. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "package-lock-v1.json, package-lock.json, npm",
            "package-lock-v2.json, package-lock.json, npm",
            "package-lock-v3.json, package-lock.json, npm",
            "yarn-v1.lock, yarn.lock, none",
            "yarn-berry.lock, yarn.lock, none",
            "pnpm-lock-v5.yaml, pnpm-lock.yaml, pnpm",
            "pnpm-lock-v6.yaml, pnpm-lock.yaml, pnpm",
            "pnpm-lock-v9.yaml, pnpm-lock.yaml, pnpm"})
    void realLockFiles(String resource, String fileName, String devFlags) throws IOException {
        FileResult r = locks.analyze(NpmFixtures.entry("app/" + fileName, "locks/" + resource));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).hasSize(15);
        assertThat(ids(r)).isEqualTo(NpmFixtures.ALL);
        assertThat(devIds(r)).isEqualTo(switch (devFlags) {
            case "npm" -> NpmFixtures.NPM_DEV;
            case "pnpm" -> NpmFixtures.PNPM_DEV;
            default -> Set.of();
        });
        assertThat(r.packages()).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("npm");
            assertThat(p.paths()).containsExactly("app/" + fileName);
            assertThat(p.foundBy()).isEqualTo(fileName);
        });
    }

    @Test
    void foldersOfTheProjectAreNotPackages() throws IOException {
        for (String v : new String[]{"v1", "v3"}) {
            FileResult r = locks.analyze(NpmFixtures.entry("app/package-lock.json", "locks/file-dep/package-lock-" + v + ".json"));
            assertThat(ids(r)).as(v).containsExactly("ms@2.1.3");
        }
    }

    @Test
    void packageLockV2AndV3RecordLicenses() throws IOException {
        for (String v : new String[]{"v2", "v3"}) {
            FileResult r = locks.analyze(NpmFixtures.entry("package-lock.json", "locks/package-lock-" + v + ".json"));
            assertThat(r.packages()).as(v).allSatisfy(p -> assertThat(p.licenses()).containsExactly("MIT"));
        }
        FileResult v1 = locks.analyze(NpmFixtures.entry("package-lock.json", "locks/package-lock-v1.json"));
        assertThat(v1.packages()).allSatisfy(p -> assertThat(p.licenses()).isEmpty());
    }

    @Test
    void corpusNodeAppLockFileMatchesItsGroundTruth() throws IOException {
        byte[] lock = Files.readAllBytes(Corpus.image("node-app.expected/package-lock.json"));
        FileResult r = locks.analyze(new MemoryFileEntry("app/package-lock.json", lock));
        Map<String, String> expected = new TreeMap<>();
        Corpus.tsvBody(Corpus.image("node-app.expected/language-packages.tsv"))
                .forEach(row -> expected.put(row[1] + "@" + row[2], row[2]));
        assertThat(expected).hasSize(68);
        assertThat(ids(r)).isEqualTo(expected.keySet());
        assertThat(r.packages()).hasSize(68).allSatisfy(p -> assertThat(p.dev()).isNull());
    }

    @Test
    void shrinkwrapIsReadLikeAPackageLock() throws IOException {
        FileResult r = locks.analyze(NpmFixtures.entry("srv/npm-shrinkwrap.json", "locks/package-lock-v3.json"));
        assertThat(ids(r)).isEqualTo(NpmFixtures.ALL);
        assertThat(r.packages()).allSatisfy(p -> assertThat(p.foundBy()).isEqualTo("npm-shrinkwrap.json"));
    }

    @Test
    void malformedFilesAreOneWarningEach() throws IOException {
        String v3 = Files.readString(NpmFixtures.resource("locks/package-lock-v3.json"));
        FileResult truncated = locks.analyze(MemoryFileEntry.of("app/package-lock.json", v3.substring(0, v3.length() / 2)));
        assertThat(truncated.packages()).isEmpty();
        assertThat(truncated.warnings()).singleElement().asString().startsWith("not a valid package-lock.json (");

        FileResult notObject = locks.analyze(MemoryFileEntry.of("app/package-lock.json", "[]"));
        assertThat(notObject.warnings()).singleElement().asString().contains("not an object");

        FileResult yaml = locks.analyze(MemoryFileEntry.of("app/pnpm-lock.yaml", "packages: [\n  - {a: 1\n"));
        assertThat(yaml.warnings()).singleElement().asString().startsWith("not a valid pnpm-lock.yaml (");

        String berry = Files.readString(NpmFixtures.resource("locks/yarn-berry.lock"));
        FileResult badBerry = locks.analyze(MemoryFileEntry.of("app/yarn.lock", berry + "\n  : : [\n"));
        assertThat(badBerry.warnings()).singleElement().asString().startsWith("not a valid yarn.lock (");

        assertThat(locks.analyze(MemoryFileEntry.of("app/yarn.lock", "# yarn lockfile v1\n\nnot a lock\n"))).isNull();
        assertThat(locks.analyze(MemoryFileEntry.of("app/package-lock.json", "{}"))).isNull();
    }

    @Test
    void deepNestingIsBounded() throws IOException {
        StringBuilder v1 = new StringBuilder("{\"lockfileVersion\":1,\"dependencies\":");
        int depth = 5_000;
        for (int i = 0; i < depth; i++) {
            v1.append("{\"a\":{\"version\":\"1.0.0\",\"dependencies\":");
        }
        v1.append("{}").append("}}".repeat(depth)).append("}");
        FileResult r = locks.analyze(MemoryFileEntry.of("package-lock.json", v1.toString()));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("nesting depth");

        String yaml = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        FileResult y = locks.analyze(MemoryFileEntry.of("pnpm-lock.yaml", yaml));
        assertThat(y.packages()).isEmpty();
        assertThat(y.warnings()).singleElement().asString().startsWith("not a valid pnpm-lock.yaml (");
    }

    @Test
    void yamlAliasBombIsNotExpanded() throws IOException {
        StringBuilder bomb = new StringBuilder("lockfileVersion: '6.0'\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*" + prev))).append("]\n");
            prev = c;
        }
        bomb.append("packages:\n  /ms@2.1.3:\n    dev: false\n");
        FileResult r = locks.analyze(MemoryFileEntry.of("pnpm-lock.yaml", bomb.toString()));
        // 9^10 strings if the aliases were expanded: they are not, the fields are skipped and the packages read
        assertThat(r.warnings()).isEmpty();
        assertThat(ids(r)).containsExactly("ms@2.1.3");
    }

    @Test
    void oversizedLockIsSkippedUnread() throws IOException {
        FileEntry huge = new FileEntry() {
            public String path() {
                return "app/yarn.lock";
            }

            public long size() {
                return BoundedMappers.MAX_LOCK_BYTES + 1;
            }

            public int mode() {
                return 0644;
            }

            public InputStream open() {
                throw new AssertionError("an oversized lock file is not read");
            }

            public byte[] readAllBytes(long limit) {
                throw new AssertionError("an oversized lock file is not read");
            }

            public Path toTempFile(long limit) {
                throw new AssertionError("an oversized lock file is not read");
            }
        };
        FileResult r = locks.analyze(huge);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith("skipped: ");
    }
}
