package io.kensa.analyze.lang.npm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.Package;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class NpmPackageJsonAnalyzerTest {
    private final NpmPackageJsonAnalyzer npm = new NpmPackageJsonAnalyzer();

    private Package single(MemoryFileEntry e) throws IOException {
        FileResult r = npm.analyze(e);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).hasSize(1);
        return r.packages().getFirst();
    }

    @Test
    void installedManifestsOfTheFixture() throws IOException {
        Package debug = single(NpmFixtures.entry("app/node_modules/debug/package.json",
                "installed-npm/app/node_modules/debug/package.json"));
        assertThat(debug.type()).isEqualTo("npm");
        assertThat(debug.name()).isEqualTo("debug");
        assertThat(debug.version()).isEqualTo("2.6.9");
        assertThat(debug.licenses()).containsExactly("MIT");
        assertThat(debug.paths()).containsExactly("app/node_modules/debug/package.json");
        assertThat(debug.foundBy()).isEqualTo("package.json");
        assertThat(debug.dev()).isNull();

        Package scoped = single(NpmFixtures.entry("app/node_modules/@sindresorhus/is/package.json",
                "installed-npm/app/node_modules/@sindresorhus/is/package.json"));
        assertThat(scoped.name()).isEqualTo("@sindresorhus/is");
        assertThat(scoped.version()).isEqualTo("4.6.0");

        // installed under an alias: the folder is my-ms, the package is ms
        Package alias = single(NpmFixtures.entry("app/node_modules/my-ms/package.json",
                "installed-npm/app/node_modules/my-ms/package.json"));
        assertThat(alias.name()).isEqualTo("ms");
        assertThat(alias.version()).isEqualTo("2.1.2");
    }

    @Test
    void legacyLicensesArrays() throws IOException {
        assertThat(single(NpmFixtures.entry("node_modules/json-schema/package.json",
                "manifests/json-schema-0.2.3.package.json")).licenses()).containsExactly("AFLv2.1", "BSD");
        assertThat(single(NpmFixtures.entry("node_modules/async/package.json",
                "manifests/async-0.2.10.package.json")).licenses()).containsExactly("MIT");
    }

    @Test
    void licenseAndLicensesTogetherAsInTheCorpus() throws IOException {
        String tar = Corpus.image("node-app.docker.tar").toString();
        String json = Tools.run(null, "bash", "-c", "tar -xOf '" + tar
                + "' 795e11dd205a220929042eb2e48e03b4a626a9158e0561bbe031cd4a31821652.tar.gz"
                + " | tar -xzO app/node_modules/utils-merge/package.json");
        Package p = single(MemoryFileEntry.of("app/node_modules/utils-merge/package.json", json));
        assertThat(json).contains("\"licenses\"");
        assertThat(p.name()).isEqualTo("utils-merge");
        assertThat(p.version()).isEqualTo("1.0.1");
        assertThat(p.licenses()).containsExactly("MIT");
    }

    @Test
    void licenseObjectForm() throws IOException {
        Package p = single(MemoryFileEntry.of("node_modules/x/package.json", """
                {"name": "x", "version": "1.0.0", "license": {"type": "ISC", "url": "https://opensource.org/licenses/ISC"}}
                """));
        assertThat(p.licenses()).containsExactly("ISC");
    }

    @Test
    void manifestsWithoutNameOrVersionAreSkippedQuietly() throws IOException {
        assertThat(npm.analyze(NpmFixtures.entry("node_modules/resolve/package.json",
                "installed-npm/app/node_modules/resolve/test/resolver/baz/package.json"))).isNull();
        assertThat(npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", "{\"name\": \"x\"}"))).isNull();
        assertThat(npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", "{\"name\": \"x\", \"version\": 3}"))).isNull();
        assertThat(npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", "[1, 2]"))).isNull();
        assertThat(npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", ""))).isNull();
    }

    @Test
    void malformedJsonIsOneWarning() throws IOException {
        FileResult r = npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", "{\"name\": \"x\", \"version\": "));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().startsWith("not valid JSON (").doesNotContain("\n");
    }

    @Test
    void hostileNestingAndSizeAreBounded() throws IOException {
        String deep = "{\"name\":\"x\",\"version\":\"1\",\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        FileResult r = npm.analyze(MemoryFileEntry.of("node_modules/x/package.json", deep));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("nesting depth");

        byte[] big = new byte[(int) BoundedMappers.MAX_MANIFEST_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        FileResult tooBig = npm.analyze(new MemoryFileEntry("node_modules/x/package.json", big));
        assertThat(tooBig.warnings()).singleElement().asString().startsWith("skipped: ");
    }
}
