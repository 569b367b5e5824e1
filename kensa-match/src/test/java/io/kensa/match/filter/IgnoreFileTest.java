package io.kensa.match.filter;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code .kensaignore}: the documented format, and one-line errors for everything else. */
class IgnoreFileTest {
    /** The example of {@link IgnoreFile}'s documentation. */
    static final String DOCUMENTED = """
            vulnerabilities:
              - id: CVE-2023-1234                 # required: the finding's id or any of its aliases (GHSA-…, DSA-…)
                purls: [pkg:deb/debian/openssl]   # optional: package URLs; without a version every version matches,
                                                  #   qualifiers the package lacks are ignored (see PurlPattern)
                packages: [openssl]               # optional: package names (an OS package also by its source package)
                paths: ["usr/lib/app/**"]         # optional: globs on where the package was found; * stays in one
                                                  #   directory, ** crosses them, a leading / is ignored
                expires: 2027-01-01               # optional: the last day the entry applies (YYYY-MM-DD)
                reason: accepted risk, not reachable   # optional: shown with the suppressed finding
            """;

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleReads() throws IOException {
        Path file = Files.writeString(dir.resolve(IgnoreFile.DEFAULT_NAME), DOCUMENTED);

        IgnoreRules rules = IgnoreFile.read(file);

        assertThat(rules.source()).isEqualTo(file.toString());
        assertThat(rules.rules()).singleElement().satisfies(r -> {
            assertThat(r.entry()).isEqualTo(1);
            assertThat(r.id()).isEqualTo("CVE-2023-1234");
            assertThat(r.purls()).extracting(Object::toString).containsExactly("pkg:deb/debian/openssl");
            assertThat(r.packages()).containsExactly("openssl");
            assertThat(r.paths()).containsExactly("usr/lib/app/**");
            assertThat(r.expires()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(r.reason()).isEqualTo("accepted risk, not reachable");
            assertThat(r.describe()).isEqualTo("CVE-2023-1234 (entry 1; purls pkg:deb/debian/openssl; packages openssl; "
                    + "paths usr/lib/app/**; expires 2027-01-01)");
        });
    }

    @Test
    void singleValuesNeedNoBracketsAndAnEmptyFileIgnoresNothing() {
        IgnoreRules rules = IgnoreFile.parse("""
                vulnerabilities:
                  - id: GHSA-jfh8-c2jp-5v3q
                    packages: org.apache.logging.log4j:log4j-core
                  - id: CVE-2024-0727
                """, ".kensaignore");

        assertThat(rules.rules()).hasSize(2);
        assertThat(rules.rules().get(0).packages()).containsExactly("org.apache.logging.log4j:log4j-core");
        assertThat(rules.rules().get(1).packages()).isEmpty();
        assertThat(rules.rules().get(1).expires()).isNull();
        assertThat(IgnoreFile.parse("", ".kensaignore").rules()).isEmpty();
        assertThat(IgnoreFile.parse("# nothing ignored yet\n", ".kensaignore").rules()).isEmpty();
        assertThat(IgnoreFile.parse("vulnerabilities:\n", ".kensaignore").rules()).isEmpty();
    }

    @Test
    void malformedFilesAreOneLineNamingTheFileAndEntry() {
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    expire: 2027-01-01\n",
                "ignore file .kensaignore: entry 1: unknown key 'expire' (known: id, purls, packages, paths, expires, "
                        + "reason)");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n  - packages: [openssl]\n",
                "ignore file .kensaignore: entry 2: no 'id'");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    expires: next year\n",
                "ignore file .kensaignore: entry 1 (CVE-2023-1234): 'expires' is not a date YYYY-MM-DD: 'next year'");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    expires: 2027-02-30\n",
                "ignore file .kensaignore: entry 1 (CVE-2023-1234): 'expires' is not a date YYYY-MM-DD: '2027-02-30'");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    purls: [openssl]\n",
                "ignore file .kensaignore: entry 1 (CVE-2023-1234): not a package URL: 'openssl'");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    paths: [\"usr/lib/[app\"]\n",
                "ignore file .kensaignore: entry 1 (CVE-2023-1234): 'paths': 'usr/lib/[app' is not a valid glob");
        assertBad("vulnerabilities:\n  - id: [CVE-2023-1234]\n",
                "ignore file .kensaignore: entry 1: 'id' must be a single value");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    packages: {name: openssl}\n",
                "ignore file .kensaignore: entry 1 (CVE-2023-1234): 'packages' must be a list of values");
        assertBad("- id: CVE-2023-1234\n",
                "ignore file .kensaignore: expected a mapping with a 'vulnerabilities' list at the top");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\nsecret: []\n",
                "ignore file .kensaignore: unknown top-level key 'secret' (expected any of: vulnerabilities, secrets,"
                        + " misconfigurations, licenses, malware)");
        assertBad("secrets:\n  - id: aws-access-key-id\n    path: x\n",
                "ignore file .kensaignore: secrets entry 1: unknown key 'path' (known: id, purls, packages, paths,"
                        + " expires, reason)");
        assertBad("vulnerabilities: CVE-2023-1234\n", "ignore file .kensaignore: 'vulnerabilities' is not a list");
        assertBad("vulnerabilities:\n  - CVE-2023-1234\n",
                "ignore file .kensaignore: entry 1: expected a mapping with an 'id'");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n    id: CVE-2023-5678\n",
                "ignore file .kensaignore: not valid YAML");
        assertBad("vulnerabilities:\n  - id: CVE-2023-1234\n   reason: [unclosed\n",
                "ignore file .kensaignore: not valid YAML at line");
    }

    private static void assertBad(String yaml, String messageStart) {
        assertThatThrownBy(() -> IgnoreFile.parse(yaml, ".kensaignore")).isInstanceOf(KensaException.class)
                .hasMessageStartingWith(messageStart).hasMessageNotContaining("\n");
    }

    @Test
    void yamlTagsConstructNothing() {
        // SnakeYAML's constructor would build a java.net.URL (and resolve its host) from this tag; Jackson only
        // reads scalars, so the tag is ignored and the id is the text.
        IgnoreRules rules = IgnoreFile.parse("""
                vulnerabilities:
                  - id: !!java.net.URL http://127.0.0.1:1/
                """, ".kensaignore");

        assertThat(rules.rules().getFirst().id()).isEqualTo("http://127.0.0.1:1/");
    }

    @Test
    void aliasesAreNotExpandedSoAnAliasBombCostsNothing() {
        // ten levels of ten aliases each would be 10^10 values if expanded; Jackson reads an alias as its anchor's
        // name, so every list stays ten names long
        StringBuilder y = new StringBuilder("vulnerabilities:\n  - id: CVE-2023-0000\n    packages: &p0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 10; i++) {
            y.append("  - id: CVE-2023-").append(String.format("%04d", i)).append("\n    packages: &p").append(i)
                    .append(" [").append(String.join(", ", java.util.Collections.nCopies(10, "*p" + (i - 1))))
                    .append("]\n");
        }

        IgnoreRules rules = IgnoreFile.parse(y.toString(), ".kensaignore");

        assertThat(rules.rules()).hasSize(11);
        assertThat(rules.rules().getLast().packages()).hasSize(10).containsOnly("p9");
    }

    @Test
    void oversizedAndNonUtf8FilesAreRefused() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat((int) IgnoreFile.MAX_BYTES) + "\n");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "vulnerabilities:\n  - id: CVE-2023-1234\n    reason: caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> IgnoreFile.read(big)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("ignore file " + big + ": " + Files.size(big) + " bytes, more than the");
        assertThatThrownBy(() -> IgnoreFile.read(latin1)).isInstanceOf(KensaException.class)
                .hasMessage("ignore file " + latin1 + ": not UTF-8 text");
        assertThatThrownBy(() -> IgnoreFile.read(dir.resolve("absent"))).isInstanceOf(KensaException.class)
                .hasMessage("ignore file " + dir.resolve("absent") + ": not found");
    }
}
