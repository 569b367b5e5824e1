package io.kensa.match.vex;

import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every VEX document of the corpus (real projects' OpenVEX, the OASIS CSAF examples) is read without error. */
class VexCorpusTest {
    private static Path vex() {
        return Corpus.root().resolve("advisories/vex");
    }

    @Test
    void theLooseOpenVexDocumentsAreReadWithEveryStatement() {
        VexDocument trivy = VexDocuments.read(vex().resolve("openvex/aquasecurity-trivy.openvex.json"));
        VexDocument gadget = VexDocuments.read(vex().resolve("openvex/inspektor-gadget-golang.vex.json"));
        VexDocument k3s = VexDocuments.read(vex().resolve("openvex/k3s-io-helm-set-status-scan.openvex.json"));

        // statement counts as the corpus README gives them
        assertThat(trivy.statements()).hasSize(21);
        assertThat(gadget.statements()).hasSize(2);
        assertThat(k3s.statements()).hasSize(4);
        for (VexDocument d : List.of(trivy, gadget, k3s)) {
            assertThat(d.format()).isEqualTo("openvex");
            assertThat(d.warnings()).isEmpty();
        }
        assertThat(trivy.author()).isEqualTo("Aqua Security");
        VexStatement first = trivy.statements().getFirst();
        assertThat(first.vulnerabilityIds()).contains("GO-2024-2575", "CVE-2024-26147", "GHSA-R53H-JV2G-VPX6");
        assertThat(first.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(first.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(first.products().getFirst().product().toString()).isEqualTo("pkg:golang/github.com/aquasecurity/trivy");
        assertThat(first.products().getFirst().subcomponents()).extracting(PurlPattern::toString)
                .containsExactly("pkg:golang/helm.sh/helm/v3");
    }

    @Test
    void everyOpenVexDocumentOfVexHubIsRead() throws IOException {
        List<VexDocument> docs = new ArrayList<>();
        int manifests = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(vex().resolve("openvex/vexhub.zip")))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.endsWith("/manifest.json") || name.equals("index.json")) {
                    manifests++;
                } else if (name.endsWith(".json")) {
                    docs.add(VexDocuments.parse(unclosable(zip), name));
                }
            }
        }
        assertThat(docs).hasSize(59);
        assertThat(manifests).isEqualTo(117 - 59);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.format()).isEqualTo("openvex");
            assertThat(d.warnings()).as(d.source()).isEmpty();
        });
        // 15,304 statements in the 59 documents, every one about products named by purl (counted independently with Python's json module)
        assertThat(docs.stream().mapToInt(d -> d.statements().size()).sum()).isEqualTo(15_304);
        assertThat(docs.stream().flatMap(d -> d.statements().stream()).map(VexStatement::status).distinct())
                .containsExactly(VexStatus.NOT_AFFECTED);
    }

    @Test
    void everyCsafDocumentOfTheOasisExamplesIsReadAndTheirNameOnlyProductsAreReported() throws IOException {
        List<VexDocument> vexDocs = new ArrayList<>();
        List<VexDocument> advisories = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(
                Files.newInputStream(vex().resolve("csaf/oasis-csaf-2.0-examples.zip")))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.getName().endsWith(".json")) {
                    continue;
                }
                VexDocument d = VexDocuments.parse(unclosable(zip), e.getName());
                (e.getName().contains("/csaf_vex/") ? vexDocs : advisories).add(d);
            }
        }
        assertThat(vexDocs).hasSize(13);
        assertThat(advisories).hasSize(4);
        assertThat(vexDocs).allSatisfy(d -> assertThat(d.format()).isEqualTo("csaf"));
        // The OASIS examples name fictitious products by name only: nothing can be matched to a package, and
        // every document with a product status says so in one line.
        assertThat(vexDocs).allSatisfy(d -> {
            assertThat(d.statements()).as(d.source()).isEmpty();
            assertThat(d.warnings()).as(d.source()).anySatisfy(w -> assertThat(w)
                    .contains("product without a package URL (left out)"));
        });
        VexDocument na = vexDocs.stream().filter(d -> d.source().endsWith("2022-evd-uc-01-na-001.json")).findFirst()
                .orElseThrow();
        assertThat(na.id()).isEqualTo("2022-EVD-UC-01-NA-001");
        assertThat(na.author()).isEqualTo("Example Company ProductCERT");
        assertThat(na.warnings()).containsExactly(na.source()
                + ": product without a package URL (left out) (vulnerability 0 (CVE-2021-44228): CSAFPID-0001)");
    }

    /** The zip stream, not closed by the parser's reader. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
