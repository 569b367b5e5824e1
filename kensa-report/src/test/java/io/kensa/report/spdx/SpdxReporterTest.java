package io.kensa.report.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kensa.core.KensaVersion;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.report.sbom.SbomFixtures;
import org.junit.jupiter.api.Test;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.ExternalRef;
import org.spdx.library.model.v2.SpdxConstantsCompatV2;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.storage.simple.InMemSpdxStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.kensa.report.sbom.SbomFixtures.BASE_LAYER;
import static io.kensa.report.sbom.SbomFixtures.BABEL_DEV;
import static io.kensa.report.sbom.SbomFixtures.BOOT_DEMO;
import static io.kensa.report.sbom.SbomFixtures.BSDUTILS;
import static io.kensa.report.sbom.SbomFixtures.CODEC_IN_BUNDLE;
import static io.kensa.report.sbom.SbomFixtures.COMMONS_IO_IN_ZIP;
import static io.kensa.report.sbom.SbomFixtures.FILEUPLOAD;
import static io.kensa.report.sbom.SbomFixtures.GSON;
import static io.kensa.report.sbom.SbomFixtures.HTML_CLEANER;
import static io.kensa.report.sbom.SbomFixtures.JSOUP;
import static io.kensa.report.sbom.SbomFixtures.LAYERTOOLS;
import static io.kensa.report.sbom.SbomFixtures.LEGACY_WEBAPP;
import static io.kensa.report.sbom.SbomFixtures.LOG4J1;
import static io.kensa.report.sbom.SbomFixtures.PYYAML_OWNED;
import static io.kensa.report.sbom.SbomFixtures.SIX;
import static io.kensa.report.sbom.SbomFixtures.LIBBSD0;
import static io.kensa.report.sbom.SbomFixtures.LIBC6;
import static io.kensa.report.sbom.SbomFixtures.OPENSSL_LIBS;
import static io.kensa.report.sbom.SbomFixtures.TZDATA;
import static org.assertj.core.api.Assertions.assertThat;

class SpdxReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SPDX 2.3.1 tightened these two; the 2.3 schema only says "string". */
    private static final String SPDX_ID = "^SPDXRef-[a-zA-Z0-9.-]+$";
    private static final String SPDX_DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$";
    private static final String IMAGE_PURL = "pkg:oci/debian@sha256%3A" + "b877".repeat(16)
            + "?arch=amd64&repository_url=docker.io%2Flibrary%2Fdebian";

    private final SpdxReporter reporter = new SpdxReporter();

    @Test
    void formatName() {
        assertThat(reporter.format()).isEqualTo("spdx-json");
    }

    @Test
    void debianImageDocumentIsValidAgainstTheSpdx23Schema() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());

        assertThat(schemaErrors(doc)).isEmpty();
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
        assertThat(doc.path("dataLicense").asText()).isEqualTo("CC0-1.0");
        assertThat(doc.path("name").asText()).isEqualTo("debian:12");
    }

    @Test
    void theStoredSchemaIsTheSpdx23One() throws Exception {
        try (InputStream in = SpdxReporterTest.class.getResourceAsStream("spdx-schema.json")) {
            assertThat(in).isNotNull();
            byte[] bytes = in.readAllBytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo("84ee72e4f0f12cbc119847b65be560726637bc22c6178838033275dbad5b8a22");
            JsonNode schema = JSON.readTree(bytes);
            assertThat(schema.path("$id").asText()).isEqualTo("http://spdx.org/rdf/terms/2.3");
            assertThat(schema.path("title").asText()).isEqualTo("SPDX 2.3");
        }
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        reporter.write(SbomFixtures.debianImage(List.of()), out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void schemaValidationCatchesABrokenDocument() throws IOException {
        ObjectNode doc = (ObjectNode) write(SbomFixtures.debianImage());
        ((ObjectNode) doc.path("packages").get(0)).put("filesAnalyzed", "no");
        ((ObjectNode) doc.path("packages").get(1)).remove("name");

        assertThat(schemaErrors(doc)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void idsAndDatesHaveTheShapesSpdx231Requires() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());

        List<String> ids = new ArrayList<>();
        doc.path("packages").forEach(p -> ids.add(p.path("SPDXID").asText()));
        assertThat(ids).hasSize(SbomFixtures.ALL_PACKAGES.size() + 2).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches(SPDX_ID));
        assertThat(doc.path("creationInfo").path("created").asText()).matches(SPDX_DATE);
        doc.path("packages").forEach(p -> p.path("annotations")
                .forEach(a -> assertThat(a.path("annotationDate").asText()).matches(SPDX_DATE)));
    }

    @Test
    void creationInfoNamesKensaAndTheScanTime() throws IOException {
        JsonNode creation = write(SbomFixtures.debianImage()).path("creationInfo");

        assertThat(creation.path("created").asText()).isEqualTo("2026-11-02T10:15:30Z");
        assertThat(texts(creation.path("creators")))
                .containsExactlyInAnyOrder("Tool: kensa-" + KensaVersion.get(), "Organization: Kensa");
        assertThat(creation.path("licenseListVersion").asText()).matches("\\d+\\.\\d+(\\.\\d+)?");
    }

    @Test
    void everyDocumentGetsItsOwnNamespace() throws IOException {
        String first = write(SbomFixtures.debianImage()).path("documentNamespace").asText();
        String second = write(SbomFixtures.debianImage()).path("documentNamespace").asText();

        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(first).matches("https://kensa\\.dev/spdx/debian-12-" + uuid);
        assertThat(second).matches("https://kensa\\.dev/spdx/debian-12-" + uuid).isNotEqualTo(first);
    }

    @Test
    void runsDifferOnlyInTheNamespace() throws IOException {
        ObjectNode first = (ObjectNode) write(SbomFixtures.debianImage());
        first.remove("documentNamespace");
        for (int run = 0; run < 5; run++) {
            ObjectNode next = (ObjectNode) write(SbomFixtures.debianImage());
            next.remove("documentNamespace");

            assertThat(next).as("run %d", run).isEqualTo(first);
        }
    }

    @Test
    void theSpdxLibraryReadsTheDocumentBack() throws Exception {
        byte[] out = writeBytes(SbomFixtures.debianImage());
        SpdxModelFactory.init();
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON);

        SpdxDocument doc = store.deSerialize(new ByteArrayInputStream(out), false);

        assertThat(doc.verify()).isEmpty();
        assertThat(doc.getName()).contains("debian:12");
        List<SpdxPackage> packages;
        try (Stream<?> all = SpdxModelFactory.getSpdxObjects(store, null, SpdxConstantsCompatV2.CLASS_SPDX_PACKAGE,
                null, null)) {
            packages = all.map(SpdxPackage.class::cast).toList();
        }
        assertThat(packages).hasSize(SbomFixtures.ALL_PACKAGES.size() + 2);
        List<String> purls = new ArrayList<>();
        for (SpdxPackage p : packages) {
            for (ExternalRef ref : p.getExternalRefs()) {
                purls.add(ref.getReferenceLocator());
            }
        }
        List<String> expected = new ArrayList<>(SbomFixtures.ALL_PACKAGES.stream().map(Package::purl).toList());
        expected.add(IMAGE_PURL);
        assertThat(purls).containsExactlyInAnyOrderElementsOf(expected);
        SpdxPackage bsdutils = packages.stream().filter(p -> name(p).equals("bsdutils")).findFirst().orElseThrow();
        assertThat(bsdutils.getVersionInfo()).contains(BSDUTILS.version());
        assertThat(bsdutils.getLicenseDeclared().toString()).contains("GPL-2.0-or-later", "LicenseRef-GPLv2-");
    }

    @Test
    void everyPackageAppearsOnceWithPurlAndVersion() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());
        List<JsonNode> libraries = packagesWithPurpose(doc, "LIBRARY");

        assertThat(libraries).hasSize(SbomFixtures.ALL_PACKAGES.size());
        Map<String, Long> purlCounts = libraries.stream().collect(Collectors.groupingBy(SpdxReporterTest::purl,
                Collectors.counting()));
        assertThat(purlCounts).containsEntry("pkg:npm/lodash@4.17.21", 2L);
        for (Package p : SbomFixtures.ALL_PACKAGES) {
            assertThat(libraries).as(p.key()).filteredOn(n -> purl(n).equals(p.purl())).isNotEmpty()
                    .allSatisfy(n -> {
                        assertThat(n.path("name").asText()).isEqualTo(p.name());
                        assertThat(n.path("versionInfo").asText()).isEqualTo(p.version());
                        assertThat(n.path("downloadLocation").asText()).isEqualTo("NOASSERTION");
                        assertThat(n.path("licenseConcluded").asText()).isEqualTo("NOASSERTION");
                        assertThat(n.path("filesAnalyzed").asBoolean(true)).isFalse();
                        assertThat(n.path("externalRefs").get(0).path("referenceCategory").asText())
                                .isEqualTo("PACKAGE-MANAGER");
                        assertThat(n.path("externalRefs").get(0).path("referenceType").asText()).isEqualTo("purl");
                    });
        }
        JsonNode openssl = byPurl(doc, OPENSSL_LIBS.purl());
        assertThat(openssl.path("versionInfo").asText()).isEqualTo("1:3.0.7-27.el9");
        assertThat(openssl.path("supplier").asText()).isEqualTo("Organization: Red Hat, Inc.");
        assertThat(openssl.path("sourceInfo").asText()).isEqualTo("built package from: openssl 3.0.7-27.el9");
        assertThat(byPurl(doc, BSDUTILS.purl()).has("supplier")).isFalse();
    }

    @Test
    void imageAndOperatingSystemArePackagesToo() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());

        assertThat(packagesWithPurpose(doc, "CONTAINER")).singleElement().satisfies(image -> {
            assertThat(image.path("name").asText()).isEqualTo("debian:12");
            assertThat(purl(image)).isEqualTo(IMAGE_PURL);
            assertThat(annotations(image)).contains("kensa:image:id: " + SbomFixtures.IMAGE_ID,
                    "kensa:image:repoDigest: " + SbomFixtures.REPO_DIGEST,
                    "kensa:image:diffID: " + BASE_LAYER, "kensa:image:diffID: " + SbomFixtures.APP_LAYER);
        });
        assertThat(packagesWithPurpose(doc, "OPERATING_SYSTEM")).singleElement().satisfies(os -> {
            assertThat(os.path("name").asText()).isEqualTo("debian");
            assertThat(os.path("versionInfo").asText()).isEqualTo("12.8");
        });
    }

    @Test
    void packagesCarryTheirLayerAndSourceAsAnnotations() throws IOException {
        JsonNode bsdutils = byPurl(write(SbomFixtures.debianImage()), BSDUTILS.purl());

        assertThat(annotations(bsdutils)).containsExactlyInAnyOrder(
                "kensa:layer:diffID: " + BASE_LAYER,
                "kensa:package:arch: amd64",
                "kensa:package:srcName: util-linux",
                "kensa:package:srcVersion: 2.38.1-5+deb12u3",
                "kensa:package:type: deb");
        bsdutils.path("annotations").forEach(a -> {
            assertThat(a.path("annotator").asText()).isEqualTo("Tool: kensa-" + KensaVersion.get());
            assertThat(a.path("annotationType").asText()).isEqualTo("OTHER");
        });
    }

    @Test
    void declaredLicensesAreSpdxExpressionsWithLicenseRefsForFreeText() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());

        JsonNode extracted = doc.path("hasExtractedLicensingInfos");
        assertThat(extracted).hasSize(1);
        String ref = extracted.get(0).path("licenseId").asText();
        assertThat(ref).matches("LicenseRef-GPLv2-[0-9a-f]{8}");
        assertThat(extracted.get(0).path("extractedText").asText()).isEqualTo("GPLv2+");
        assertThat(extracted.get(0).path("name").asText()).isEqualTo("GPLv2+");

        assertThat(terms(byPurl(doc, BSDUTILS.purl()))).containsExactlyInAnyOrder("GPL-2.0-or-later", ref);
        assertThat(terms(byPurl(doc, LIBBSD0.purl()))).containsExactlyInAnyOrder("MIT", "BSD-3-Clause");
        assertThat(terms(byPurl(doc, LIBC6.purl()))).containsExactlyInAnyOrder("LGPL-2.1-or-later", "GPL-2.0-or-later");
        assertThat(byPurl(doc, OPENSSL_LIBS.purl()).path("licenseDeclared").asText()).isEqualTo("Apache-2.0");
        assertThat(byPurl(doc, TZDATA.purl()).path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
    }

    @Test
    void oneFreeTextLicenseIsExtractedOnceAndLookalikesGetTheirOwnRef() throws IOException {
        Package a = new Package("deb", "a", "1", "amd64", null, List.of("GPLv2+"), null, null,
                "pkg:deb/debian/a@1?arch=amd64", BASE_LAYER, List.of(SbomFixtures.DPKG_STATUS));
        Package b = new Package("deb", "b", "1", "amd64", null, List.of("GPLv2+", "GPLv2 +", "BSD-like"), null, null,
                "pkg:deb/debian/b@1?arch=amd64", BASE_LAYER, List.of(SbomFixtures.DPKG_STATUS));
        JsonNode doc = write(SbomFixtures.debianImage(List.of(a, b)));

        assertThat(schemaErrors(doc)).isEmpty();
        Map<String, String> refByText = new HashMap<>();
        doc.path("hasExtractedLicensingInfos").forEach(e ->
                refByText.put(e.path("extractedText").asText(), e.path("licenseId").asText()));
        assertThat(refByText).hasSize(3).containsEntry("BSD-like", "LicenseRef-BSD-like");
        assertThat(refByText.get("GPLv2+")).isNotEqualTo(refByText.get("GPLv2 +"));
        assertThat(terms(byPurl(doc, a.purl()))).containsExactly(refByText.get("GPLv2+"));
        assertThat(terms(byPurl(doc, b.purl()))).containsExactlyInAnyOrderElementsOf(refByText.values());
    }

    @Test
    void aLicenseRefInTheMetadataIsDeclaredInTheDocument() throws Exception {
        Package p = new Package("deb", "x", "1", "amd64", null, List.of("LicenseRef-Foo", "MIT"), null, null,
                "pkg:deb/debian/x@1?arch=amd64", BASE_LAYER, List.of(SbomFixtures.DPKG_STATUS));
        byte[] out = writeBytes(SbomFixtures.debianImage(List.of(p)));
        JsonNode doc = JSON.readTree(out);

        JsonNode extracted = doc.path("hasExtractedLicensingInfos");
        assertThat(extracted).hasSize(1);
        assertThat(extracted.get(0).path("extractedText").asText()).isEqualTo("LicenseRef-Foo");
        assertThat(terms(byPurl(doc, p.purl())))
                .containsExactlyInAnyOrder("MIT", extracted.get(0).path("licenseId").asText());
        SpdxModelFactory.init();
        SpdxDocument read = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON)
                .deSerialize(new ByteArrayInputStream(out), false);
        assertThat(read.verify()).isEmpty();
    }

    @Test
    void relationshipsDescribeTheImageAndNestPackagesUnderTheOs() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage());
        String image = packagesWithPurpose(doc, "CONTAINER").getFirst().path("SPDXID").asText();
        String os = packagesWithPurpose(doc, "OPERATING_SYSTEM").getFirst().path("SPDXID").asText();

        Set<String> expected = new HashSet<>();
        expected.add("SPDXRef-DOCUMENT DESCRIBES " + image);
        expected.add(image + " CONTAINS " + os);
        for (Package p : SbomFixtures.OS_PACKAGES) {
            expected.add(os + " CONTAINS " + byPurl(doc, p.purl()).path("SPDXID").asText());
        }
        packagesWithPurpose(doc, "LIBRARY").stream().filter(n -> purl(n).startsWith("pkg:npm/"))
                .forEach(n -> expected.add(image + " CONTAINS " + n.path("SPDXID").asText()));
        assertThat(expected).hasSize(1 + 1 + SbomFixtures.OS_PACKAGES.size() + 2);
        assertThat(relationships(doc)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anEmptyInventoryStillGivesAValidDocument() throws IOException {
        JsonNode doc = write(SbomFixtures.debianImage(List.of()));

        assertThat(schemaErrors(doc)).isEmpty();
        assertThat(doc.path("packages")).hasSize(2);
        assertThat(relationships(doc)).hasSize(2);
        assertThat(doc.has("hasExtractedLicensingInfos")).isFalse();
    }

    @Test
    void aRootFilesystemWithoutOsOwnsEveryPackage() throws IOException {
        JsonNode doc = write(SbomFixtures.rootfs(List.of(BSDUTILS, SbomFixtures.LODASH_APP)));

        assertThat(schemaErrors(doc)).isEmpty();
        JsonNode subject = packagesWithPurpose(doc, "FILE").getFirst();
        assertThat(subject.path("name").asText()).isEqualTo("/tmp/rootfs");
        assertThat(subject.has("externalRefs")).isFalse();
        assertThat(packagesWithPurpose(doc, "OPERATING_SYSTEM")).isEmpty();
        String id = subject.path("SPDXID").asText();
        assertThat(relationships(doc)).containsExactlyInAnyOrder(
                "SPDXRef-DOCUMENT DESCRIBES " + id,
                id + " CONTAINS " + byPurl(doc, BSDUTILS.purl()).path("SPDXID").asText(),
                id + " CONTAINS " + byPurl(doc, SbomFixtures.LODASH_APP.purl()).path("SPDXID").asText());
        assertThat(doc.path("documentNamespace").asText()).startsWith("https://kensa.dev/spdx/tmp-rootfs-");
    }

    @Test
    void applicationImageDocumentIsValidAndTheLibraryReadsItBack() throws Exception {
        byte[] out = writeBytes(SbomFixtures.applicationImage());
        JsonNode doc = JSON.readTree(out);

        assertThat(schemaErrors(doc)).isEmpty();
        assertThat(doc.path("packages")).hasSize(2 + 2 + SbomFixtures.APP_PACKAGES.size());
        SpdxModelFactory.init();
        SpdxDocument read = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON)
                .deSerialize(new ByteArrayInputStream(out), false);
        assertThat(read.verify()).isEmpty();
    }

    @Test
    void applicationPackagesCarryChecksumPurlAndWhereTheyWereFound() throws IOException {
        JsonNode doc = write(SbomFixtures.applicationImage());

        JsonNode fileupload = byPurl(doc, FILEUPLOAD.purl());
        assertThat(fileupload.path("name").asText()).isEqualTo("commons-fileupload:commons-fileupload");
        assertThat(fileupload.path("versionInfo").asText()).isEqualTo("1.3.1");
        assertThat(fileupload.path("checksums")).singleElement().satisfies(c -> {
            assertThat(c.path("algorithm").asText()).isEqualTo("SHA1");
            assertThat(c.path("checksumValue").asText()).isEqualTo("c621b54583719ac0310404463d6d99db27e1052c");
        });
        assertThat(fileupload.path("externalRefs").get(0).path("referenceType").asText()).isEqualTo("purl");
        assertThat(fileupload.path("sourceInfo").asText()).isEqualTo("package found in: " + FILEUPLOAD.paths().getFirst());
        assertThat(fileupload.path("licenseDeclared").asText()).isEqualTo("Apache-2.0");
        assertThat(annotations(fileupload)).contains("kensa:package:foundBy: pom.properties",
                "kensa:package:type: maven", "kensa:layer:diffID: " + SbomFixtures.APP_LAYER);

        assertThat(byPurl(doc, JSOUP.purl()).has("checksums")).isFalse();
        assertThat(annotations(byPurl(doc, PYYAML_OWNED.purl()))).contains("kensa:package:ownedBy: python3-yaml");
        assertThat(annotations(byPurl(doc, BABEL_DEV.purl()))).contains("kensa:package:dev: true");
        assertThat(annotations(byPurl(doc, SIX.purl()))).noneMatch(a -> a.startsWith("kensa:package:dev")
                || a.startsWith("kensa:package:ownedBy"));
        assertThat(byPurl(doc, LIBC6.purl()).path("sourceInfo").asText()).startsWith("built package from: glibc");
    }

    @Test
    void packagesFoundInsideAnArchiveAreContainedByTheArchivesPackage() throws IOException {
        JsonNode doc = write(SbomFixtures.applicationImage());
        String image = packagesWithPurpose(doc, "CONTAINER").getFirst().path("SPDXID").asText();
        String os = packagesWithPurpose(doc, "OPERATING_SYSTEM").getFirst().path("SPDXID").asText();

        Set<String> expected = new HashSet<>();
        expected.add("SPDXRef-DOCUMENT DESCRIBES " + image);
        expected.add(image + " CONTAINS " + os);
        for (Package p : List.of(BSDUTILS, LIBC6)) {
            expected.add(os + " CONTAINS " + id(doc, p));
        }
        for (Package p : List.of(LEGACY_WEBAPP, BOOT_DEMO, HTML_CLEANER, CODEC_IN_BUNDLE, JSOUP, BABEL_DEV,
                PYYAML_OWNED, SIX)) {
            expected.add(image + " CONTAINS " + id(doc, p));
        }
        for (Package p : List.of(FILEUPLOAD, COMMONS_IO_IN_ZIP, LOG4J1)) {
            expected.add(id(doc, LEGACY_WEBAPP) + " CONTAINS " + id(doc, p));
        }
        for (Package p : List.of(GSON, LAYERTOOLS)) {
            expected.add(id(doc, BOOT_DEMO) + " CONTAINS " + id(doc, p));
        }
        assertThat(expected).hasSize(2 + 2 + SbomFixtures.APP_PACKAGES.size());
        assertThat(relationships(doc)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theLicenseScannersFindingIsThePackagesConcludedLicenseWithItsCategoryAndPolicy() throws IOException {
        JsonNode doc = write(io.kensa.report.findings.FindingFixtures.report());

        assertThat(schemaErrors(doc)).isEmpty();
        JsonNode tar = byPurl(doc, io.kensa.report.findings.FindingFixtures.TAR.purl());
        assertThat(tar.path("licenseConcluded").asText()).isEqualTo("GPL-3.0-or-later");
        assertThat(tar.path("licenseDeclared").asText()).as("the package itself declared none").isEqualTo("NOASSERTION");
        assertThat(annotations(tar)).contains("kensa:license:category: restricted", "kensa:license:policy: fail",
                "kensa:license:severity: HIGH");
        JsonNode baseFiles = byPurl(doc, io.kensa.report.findings.FindingFixtures.BASE_FILES.purl());
        assertThat(baseFiles.path("licenseConcluded").asText()).startsWith("LicenseRef-");
        JsonNode noFinding = write(io.kensa.report.findings.FindingFixtures.inventory());
        assertThat(byPurl(noFinding, io.kensa.report.findings.FindingFixtures.TAR.purl()).path("licenseConcluded")
                .asText()).isEqualTo("NOASSERTION");
    }

    private static String id(JsonNode doc, Package p) {
        return byPurl(doc, p.purl()).path("SPDXID").asText();
    }

    private JsonNode write(ScanReport report) throws IOException {
        return JSON.readTree(writeBytes(report));
    }

    private byte[] writeBytes(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(report, out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).endsWith("}\n");
        return out.toByteArray();
    }

    private static List<String> schemaErrors(JsonNode doc) throws IOException {
        try (InputStream in = SpdxReporterTest.class.getResourceAsStream("spdx-schema.json")) {
            assertThat(in).as("SPDX 2.3 schema on the test class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(JSON.readTree(in));
            return schema.validate(doc).stream().map(Error::toString).toList();
        }
    }

    private static List<JsonNode> packagesWithPurpose(JsonNode doc, String purpose) {
        return StreamSupport.stream(doc.path("packages").spliterator(), false)
                .filter(p -> p.path("primaryPackagePurpose").asText().equals(purpose)).toList();
    }

    private static JsonNode byPurl(JsonNode doc, String purl) {
        return StreamSupport.stream(doc.path("packages").spliterator(), false)
                .filter(p -> purl(p).equals(purl)).findFirst().orElseThrow();
    }

    private static String purl(JsonNode pkg) {
        return StreamSupport.stream(pkg.path("externalRefs").spliterator(), false)
                .filter(r -> r.path("referenceType").asText().equals("purl"))
                .map(r -> r.path("referenceLocator").asText()).findFirst().orElse("");
    }

    private static List<String> annotations(JsonNode pkg) {
        List<String> comments = new ArrayList<>();
        pkg.path("annotations").forEach(a -> comments.add(a.path("comment").asText()));
        return comments;
    }

    private static List<String> relationships(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("relationships").forEach(r -> out.add(r.path("spdxElementId").asText() + " "
                + r.path("relationshipType").asText() + " " + r.path("relatedSpdxElement").asText()));
        return out;
    }

    /** The license ids of a licenseDeclared that is a conjunction (or a single id). */
    private static List<String> terms(JsonNode pkg) {
        String expression = pkg.path("licenseDeclared").asText().replaceAll("^\\(|\\)$", "");
        assertThat(expression).doesNotContain(" OR ", "(", ")");
        return List.of(expression.split(" AND "));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String name(SpdxPackage p) {
        try {
            return p.getName().orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
