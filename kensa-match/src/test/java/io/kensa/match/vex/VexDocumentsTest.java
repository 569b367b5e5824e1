package io.kensa.match.vex;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad VEX files: one line naming the file; bad statements: warnings of a document that still loads. */
class VexDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotJsonIsOneLineNamingIt() throws IOException {
        Path f = Files.writeString(dir.resolve("vex.json"), "statements:\n  - status: not_affected\n");

        assertThatThrownBy(() -> VexDocuments.read(f)).isInstanceOf(KensaException.class)
                .hasMessageStartingWith("VEX file " + f + ": not valid JSON")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void jsonOfNoneOfTheThreeFormatsIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("index.json"), "{\"updated_at\": \"2026-03-23T00:48:43Z\", \"packages\": []}");

        assertThatThrownBy(() -> VexDocuments.read(f)).isInstanceOf(KensaException.class)
                .hasMessage("VEX file " + f + ": not an OpenVEX, CycloneDX or CSAF document (no OpenVEX @context, no "
                        + "bomFormat CycloneDX, no document.csaf_version)");
    }

    @Test
    void aCycloneDxSbomWithoutVulnerabilitiesIsNotAVex() throws IOException {
        Path f = Files.writeString(dir.resolve("sbom.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "components": [{"type": "library", "name": "openssl", "purl": "pkg:deb/debian/openssl@3.0.11-1~deb12u2"}]}
                """);

        assertThatThrownBy(() -> VexDocuments.read(f)).isInstanceOf(KensaException.class)
                .hasMessageContaining("CycloneDX document without vulnerabilities, an SBOM rather than a VEX");
    }

    @Test
    void anOpenVexDocumentWithoutStatementsIsRefused() {
        assertThatThrownBy(() -> VexResources.inline("{\"@context\": \"https://openvex.dev/ns/v0.2.0\"}"))
                .isInstanceOf(KensaException.class)
                .hasMessage("VEX file inline.json: OpenVEX document without a statements array");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": " + "[".repeat(5000)
                + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> VexResources.inline(deep)).isInstanceOf(KensaException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("nesting depth");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(VexDocuments.MAX_BYTES + 1); // sparse: costs no disk
        }

        assertThatThrownBy(() -> VexDocuments.read(f)).isInstanceOf(KensaException.class)
                .hasMessage("VEX file " + f + ": " + (VexDocuments.MAX_BYTES + 1) + " bytes, more than the "
                        + VexDocuments.MAX_BYTES + " read");
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("absent.openvex.json");

        assertThatThrownBy(() -> VexDocuments.read(f)).isInstanceOf(KensaException.class)
                .hasMessage("VEX file " + f + ": not found");
    }

    @Test
    void unusableStatementsAreCountedWarningsAndTheRestLoads() {
        VexDocument doc = VexResources.inline("""
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://openvex.dev/docs/public/vex-bad-statements",
                  "author": "Kensa tests",
                  "timestamp": "2024-02-01T10:00:00Z",
                  "version": 1,
                  "statements": [
                    {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "not_affected", "justification": "component_not_present"},
                    {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "maybe"},
                    {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl"}],
                     "status": "perhaps"},
                    {"products": [{"@id": "pkg:deb/debian/openssl"}], "status": "fixed"},
                    {"vulnerability": {"name": "CVE-2023-6129"},
                     "products": [{"@id": "pkg:golang/github.com/example/app", "subcomponents": [{"@id": "sha256:0f1e"}]}],
                     "status": "not_affected", "justification": "vulnerable_code_not_present"}
                  ]
                }
                """);

        assertThat(doc.statements()).hasSize(1);
        assertThat(doc.warnings()).containsExactly(
                "inline.json: statement with an unknown status 'maybe' (statement 1)",
                "inline.json: statement with an unknown status 'perhaps' (statement 2)",
                "inline.json: statement without a vulnerability name (statement 3)",
                "inline.json: subcomponent not named by a package URL (left out) (statement 4: sha256:0f1e)",
                "inline.json: product whose subcomponents are none named by a package URL (left out) (statement 4)",
                "inline.json: statement without a product named by a package URL (statement 4 (CVE-2023-6129))");
    }
}
