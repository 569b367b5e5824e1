package io.kensa.report.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.KensaVersion;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.report.sbom.SbomFixtures;
import org.cyclonedx.CycloneDxSchema;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.SpdxModelFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.kensa.report.sbom.SbomFixtures.APP_LAYER;
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
import static io.kensa.report.sbom.SbomFixtures.IMAGE_ID;
import static io.kensa.report.sbom.SbomFixtures.LIBBSD0;
import static io.kensa.report.sbom.SbomFixtures.OPENSSL_LIBS;
import static io.kensa.report.sbom.SbomFixtures.REPO_DIGEST;
import static io.kensa.report.sbom.SbomFixtures.TZDATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CycloneDxReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CycloneDxReporter reporter = new CycloneDxReporter();

    @Test
    void formatName() {
        assertThat(reporter.format()).isEqualTo("cyclonedx");
    }

    @Test
    void debianImageSbomIsValidAgainstTheCycloneDx16Schema() throws IOException {
        byte[] out = write(SbomFixtures.debianImage());

        List<ParseException> errors = new JsonParser().validate(out, Version.VERSION_16);

        assertThat(errors).extracting(Throwable::getMessage).isEmpty();
        JsonNode bom = JSON.readTree(out);
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("serialNumber").asText()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
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
        ObjectNode bom = (ObjectNode) JSON.readTree(write(SbomFixtures.debianImage()));
        ((ObjectNode) bom.path("components").get(0)).put("type", "not-a-component-type");

        List<ParseException> errors = new JsonParser().validate(JSON.writeValueAsBytes(bom), Version.VERSION_16);

        assertThat(errors).isNotEmpty();
    }

    @Test
    void outputParsesBackIntoABom() throws Exception {
        Bom bom = new JsonParser().parse(write(SbomFixtures.debianImage()));

        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo("debian:12");
        assertThat(bom.getComponents()).hasSize(SbomFixtures.ALL_PACKAGES.size() + 1);
    }

    @Test
    void metadataDescribesTheScanTheToolAndTheImage() throws IOException {
        JsonNode metadata = JSON.readTree(write(SbomFixtures.debianImage())).path("metadata");

        assertThat(metadata.path("timestamp").asText()).isEqualTo("2026-11-02T10:15:30Z");
        JsonNode tool = metadata.path("tools").path("components").get(0);
        assertThat(tool.path("name").asText()).isEqualTo("kensa");
        assertThat(tool.path("version").asText()).isEqualTo(KensaVersion.get());
        assertThat(tool.path("type").asText()).isEqualTo("application");

        JsonNode image = metadata.path("component");
        assertThat(image.path("type").asText()).isEqualTo("container");
        assertThat(image.path("name").asText()).isEqualTo("debian:12");
        String purl = "pkg:oci/debian@sha256%3A" + "b877".repeat(16)
                + "?arch=amd64&repository_url=docker.io%2Flibrary%2Fdebian";
        assertThat(image.path("purl").asText()).isEqualTo(purl);
        assertThat(image.path("bom-ref").asText()).isEqualTo(purl);
        assertThat(properties(image)).containsEntry("kensa:image:id", List.of(IMAGE_ID))
                .containsEntry("kensa:image:repoDigest", List.of(REPO_DIGEST))
                .containsEntry("kensa:image:architecture", List.of("amd64"))
                .containsEntry("kensa:image:diffID", List.of(BASE_LAYER, APP_LAYER));
    }

    @Test
    void everyPackageIsOneLibraryComponentWithItsPurlAndVersion() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.debianImage()));
        List<JsonNode> libraries = components(bom, "library");

        assertThat(libraries).hasSize(SbomFixtures.ALL_PACKAGES.size());
        for (Package p : SbomFixtures.ALL_PACKAGES) {
            assertThat(libraries).as(p.key())
                    .filteredOn(c -> c.path("name").asText().equals(p.name()))
                    .filteredOn(c -> c.path("evidence").path("occurrences").get(0).path("location").asText()
                            .equals(p.paths().getFirst()))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.path("version").asText()).isEqualTo(p.version());
                        assertThat(c.path("purl").asText()).isEqualTo(p.purl());
                    });
        }
        assertThat(versionOf(libraries, "bsdutils")).isEqualTo("1:2.38.1-5+deb12u3");
        assertThat(versionOf(libraries, "openssl-libs")).isEqualTo("1:3.0.7-27.el9");
        List<String> refs = libraries.stream().map(c -> c.path("bom-ref").asText()).toList();
        assertThat(refs).doesNotHaveDuplicates().allSatisfy(r -> assertThat(r).startsWith("pkg:"));
        assertThat(refs).contains("pkg:npm/lodash@4.17.21", "pkg:npm/lodash@4.17.21?kensa-ref=2");
    }

    @Test
    void operatingSystemIsItsOwnComponent() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.debianImage()));

        assertThat(components(bom, "operating-system")).singleElement().satisfies(os -> {
            assertThat(os.path("name").asText()).isEqualTo("debian");
            assertThat(os.path("version").asText()).isEqualTo("12.8");
            assertThat(os.path("description").asText()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        });
    }

    @Test
    void packagePropertiesFollowTrivysStyleWithTheKensaPrefix() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.debianImage()));

        JsonNode bsdutils = component(bom, BSDUTILS.purl());
        assertThat(properties(bsdutils)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kensa:layer:diffID", List.of(BASE_LAYER),
                "kensa:package:type", List.of("deb"),
                "kensa:package:arch", List.of("amd64"),
                "kensa:package:srcName", List.of("util-linux"),
                "kensa:package:srcVersion", List.of("2.38.1-5+deb12u3")));
        List<String> names = new ArrayList<>();
        bsdutils.path("properties").forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).isSorted();

        JsonNode openssl = component(bom, OPENSSL_LIBS.purl());
        assertThat(properties(openssl)).containsEntry("kensa:layer:diffID", List.of(APP_LAYER))
                .containsEntry("kensa:package:type", List.of("rpm"))
                .containsEntry("kensa:package:vendor", List.of("Red Hat, Inc."))
                .containsEntry("kensa:package:modularityLabel", List.of("openssl:3.0"));
        assertThat(openssl.path("supplier").path("name").asText()).isEqualTo("Red Hat, Inc.");
        assertThat(openssl.path("evidence").path("occurrences").get(0).path("location").asText())
                .isEqualTo("usr/lib/sysimage/rpm/rpmdb.sqlite");
    }

    @Test
    void licensesAreIdsExpressionsOrNames() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.debianImage()));

        JsonNode bsdutils = component(bom, BSDUTILS.purl()).path("licenses");
        assertThat(bsdutils).hasSize(2);
        assertThat(bsdutils.get(0).path("license").path("id").asText()).isEqualTo("GPL-2.0-or-later");
        assertThat(bsdutils.get(1).path("license").has("id")).isFalse();
        assertThat(bsdutils.get(1).path("license").path("name").asText()).isEqualTo("GPLv2+");

        JsonNode libbsd = component(bom, LIBBSD0.purl()).path("licenses");
        assertThat(libbsd).hasSize(1);
        assertThat(libbsd.get(0).path("expression").asText()).isEqualTo("MIT AND BSD-3-Clause");

        assertThat(component(bom, TZDATA.purl()).has("licenses")).isFalse();
    }

    @Test
    void anSpdxIdTheCycloneDxSchemaDoesNotListYetIsWrittenAsAName() throws IOException {
        JsonNode cdxIds = JSON.readTree(CycloneDxSchema.class.getClassLoader()
                .getResourceAsStream("spdx.schema.json")).path("enum");
        Set<String> known = new HashSet<>();
        cdxIds.forEach(n -> known.add(n.asText()));
        SpdxModelFactory.init();
        List<String> newer = LicenseInfoFactory.getSpdxListedLicenseIds().stream()
                .filter(id -> !known.contains(id)).sorted().toList();
        assumeFalse(newer.isEmpty(), "both license lists are the same version");
        Package p = new Package("deb", "x", "1", "amd64", null, List.of(newer.getFirst(), "MIT"), null, null,
                "pkg:deb/debian/x@1?arch=amd64", BASE_LAYER, List.of(SbomFixtures.DPKG_STATUS));

        byte[] out = write(SbomFixtures.debianImage(List.of(p)));

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        JsonNode licenses = component(JSON.readTree(out), p.purl()).path("licenses");
        assertThat(licenses.get(0).path("license").path("name").asText()).isEqualTo(newer.getFirst());
        assertThat(licenses.get(1).path("license").path("id").asText()).isEqualTo("MIT");
    }

    @Test
    void dependenciesNestOsPackagesUnderTheOsAndTheOsUnderTheImage() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.debianImage()));
        String imageRef = bom.path("metadata").path("component").path("bom-ref").asText();
        String osRef = components(bom, "operating-system").getFirst().path("bom-ref").asText();
        Map<String, List<String>> dependsOn = dependencies(bom);

        assertThat(dependsOn.get(imageRef))
                .containsExactly(osRef, "pkg:npm/lodash@4.17.21", "pkg:npm/lodash@4.17.21?kensa-ref=2");
        assertThat(dependsOn.get(osRef)).containsExactlyInAnyOrderElementsOf(
                SbomFixtures.OS_PACKAGES.stream().map(Package::purl).toList());
        Set<String> allRefs = new HashSet<>();
        allRefs.add(imageRef);
        bom.path("components").forEach(c -> allRefs.add(c.path("bom-ref").asText()));
        assertThat(dependsOn.keySet()).isEqualTo(allRefs);
        dependsOn.values().forEach(targets -> assertThat(allRefs).containsAll(targets));
    }

    @Test
    void twoRunsDifferOnlyInSerialNumber() throws IOException {
        ObjectNode first = (ObjectNode) JSON.readTree(write(SbomFixtures.debianImage()));
        ObjectNode second = (ObjectNode) JSON.readTree(write(SbomFixtures.debianImage()));

        assertThat(first.remove("serialNumber")).isNotEqualTo(second.remove("serialNumber"));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void anEmptyInventoryStillGivesAValidBom() throws IOException {
        byte[] out = write(SbomFixtures.debianImage(List.of()));

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        JsonNode bom = JSON.readTree(out);
        assertThat(components(bom, "library")).isEmpty();
        assertThat(components(bom, "operating-system")).hasSize(1);
        String imageRef = bom.path("metadata").path("component").path("bom-ref").asText();
        assertThat(dependencies(bom).get(imageRef)).hasSize(1);
    }

    @Test
    void aRootFilesystemWithoutOsIsAFileComponentOwningEveryPackage() throws IOException {
        List<Package> packages = List.of(BSDUTILS, SbomFixtures.LODASH_APP);
        byte[] out = write(SbomFixtures.rootfs(packages));

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        JsonNode bom = JSON.readTree(out);
        JsonNode subject = bom.path("metadata").path("component");
        assertThat(subject.path("type").asText()).isEqualTo("file");
        assertThat(subject.path("name").asText()).isEqualTo("/tmp/rootfs");
        assertThat(subject.has("purl")).isFalse();
        assertThat(components(bom, "operating-system")).isEmpty();
        assertThat(dependencies(bom).get(subject.path("bom-ref").asText()))
                .containsExactly(BSDUTILS.purl(), SbomFixtures.LODASH_APP.purl());
    }

    @Test
    void aPackageWithoutPurlStillGetsAUniqueReference() throws IOException {
        Package noPurl = new Package("deb", "local-tool", "1.0", "amd64", null, List.of(), null, null, null,
                BASE_LAYER, List.of(SbomFixtures.DPKG_STATUS));
        byte[] out = write(SbomFixtures.debianImage(List.of(noPurl)));

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        JsonNode c = components(JSON.readTree(out), "library").getFirst();
        assertThat(c.has("purl")).isFalse();
        assertThat(c.path("bom-ref").asText()).isEqualTo("kensa:package:" + noPurl.key());
    }

    @Test
    void applicationImageSbomIsValidAgainstTheCycloneDx16SchemaAndParsesBack() throws Exception {
        byte[] out = write(SbomFixtures.applicationImage());

        assertThat(new JsonParser().validate(out, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
        Bom bom = new JsonParser().parse(out);
        Component war = bom.getComponents().stream().filter(c -> LEGACY_WEBAPP.purl().equals(c.getPurl()))
                .findFirst().orElseThrow();
        assertThat(war.getComponents()).extracting(Component::getPurl)
                .containsExactly(FILEUPLOAD.purl(), COMMONS_IO_IN_ZIP.purl(), LOG4J1.purl());
    }

    @Test
    void jarsInsideAnArchiveAreNestedComponentsOfTheArchivesPackage() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.applicationImage()));

        List<String> topLevel = new ArrayList<>();
        bom.path("components").forEach(c -> topLevel.add(c.path("bom-ref").asText()));
        assertThat(topLevel).contains(LEGACY_WEBAPP.purl(), BOOT_DEMO.purl(), HTML_CLEANER.purl(), JSOUP.purl(),
                CODEC_IN_BUNDLE.purl(), BABEL_DEV.purl(), PYYAML_OWNED.purl(), SIX.purl())
                .doesNotContain(FILEUPLOAD.purl(), LOG4J1.purl(), COMMONS_IO_IN_ZIP.purl(), GSON.purl(),
                        LAYERTOOLS.purl());
        assertThat(refs(component(bom, LEGACY_WEBAPP.purl()).path("components")))
                .containsExactly(FILEUPLOAD.purl(), COMMONS_IO_IN_ZIP.purl(), LOG4J1.purl());
        assertThat(refs(component(bom, BOOT_DEMO.purl()).path("components")))
                .containsExactly(GSON.purl(), LAYERTOOLS.purl());
        assertThat(component(bom, HTML_CLEANER.purl()).has("components")).isFalse();
        // the zip around commons-codec is no package: it stays at the top, its whole path in evidence
        assertThat(locations(component(bom, CODEC_IN_BUNDLE.purl())))
                .containsExactly("app/dist/bundle.zip!/lib/commons-codec-1.11.jar");
        assertThat(locations(nested(bom, LEGACY_WEBAPP.purl(), COMMONS_IO_IN_ZIP.purl())))
                .containsExactly(SbomFixtures.WAR + "!/WEB-INF/lib/plugins.zip!/commons-io-2.2.jar");
    }

    @Test
    void theDependencyGraphFollowsTheNestingAndNamesEveryComponentOnce() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.applicationImage()));
        String imageRef = bom.path("metadata").path("component").path("bom-ref").asText();
        String osRef = components(bom, "operating-system").getFirst().path("bom-ref").asText();
        Map<String, List<String>> dependsOn = dependencies(bom);

        List<String> allRefs = new ArrayList<>();
        allRefs.add(imageRef);
        collectRefs(bom.path("components"), allRefs);
        assertThat(allRefs).hasSize(1 + 1 + 2 + SbomFixtures.APP_PACKAGES.size()).doesNotHaveDuplicates();
        assertThat(dependsOn.keySet()).containsExactlyInAnyOrderElementsOf(allRefs);
        assertThat(dependsOn.get(imageRef)).containsExactly(osRef, LEGACY_WEBAPP.purl(), BOOT_DEMO.purl(),
                HTML_CLEANER.purl(), CODEC_IN_BUNDLE.purl(), JSOUP.purl(), BABEL_DEV.purl(), PYYAML_OWNED.purl(),
                SIX.purl());
        assertThat(dependsOn.get(LEGACY_WEBAPP.purl()))
                .containsExactly(FILEUPLOAD.purl(), COMMONS_IO_IN_ZIP.purl(), LOG4J1.purl());
        assertThat(dependsOn.get(BOOT_DEMO.purl())).containsExactly(GSON.purl(), LAYERTOOLS.purl());
        assertThat(dependsOn.get(FILEUPLOAD.purl())).isEmpty();
        dependsOn.values().forEach(targets -> assertThat(allRefs).containsAll(targets));
    }

    @Test
    void archivesCarryTheirSha1AndEveryPackageItsPathsAndWhatNamedIt() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.applicationImage()));

        JsonNode fileupload = nested(bom, LEGACY_WEBAPP.purl(), FILEUPLOAD.purl());
        assertThat(fileupload.path("type").asText()).isEqualTo("library");
        assertThat(fileupload.path("group").asText()).isEqualTo("commons-fileupload");
        assertThat(fileupload.path("name").asText()).isEqualTo("commons-fileupload");
        assertThat(fileupload.path("hashes")).singleElement().satisfies(h -> {
            assertThat(h.path("alg").asText()).isEqualTo("SHA-1");
            assertThat(h.path("content").asText()).isEqualTo("c621b54583719ac0310404463d6d99db27e1052c");
        });
        assertThat(locations(fileupload)).containsExactly(FILEUPLOAD.paths().getFirst());
        JsonNode identity = fileupload.path("evidence").path("identity");
        assertThat(identity).singleElement().satisfies(i -> {
            assertThat(i.path("field").asText()).isEqualTo("purl");
            assertThat(i.path("concludedValue").asText()).isEqualTo(FILEUPLOAD.purl());
            assertThat(i.path("methods")).singleElement().satisfies(m -> {
                assertThat(m.path("technique").asText()).isEqualTo("manifest-analysis");
                assertThat(m.path("value").asText()).isEqualTo("pom.properties");
                assertThat(m.path("confidence").asDouble()).isEqualTo(0.9);
            });
        });
        assertThat(properties(fileupload)).containsEntry("kensa:package:foundBy", List.of("pom.properties"))
                .containsEntry("kensa:layer:diffID", List.of(APP_LAYER))
                .containsEntry("kensa:package:type", List.of("maven"));

        JsonNode layertools = nested(bom, BOOT_DEMO.purl(), LAYERTOOLS.purl());
        assertThat(layertools.path("evidence").path("identity").get(0).path("methods").get(0).path("technique").asText())
                .isEqualTo("hash-comparison");
        assertThat(component(bom, JSOUP.purl()).has("hashes")).as("a bundled library has no archive of its own")
                .isFalse();
        assertThat(component(bom, BSDUTILS.purl()).path("evidence").has("identity")).as("OS packages").isFalse();
    }

    @Test
    void aDevelopmentDependencyIsExcludedFromRunTimeAndMarkedAsTheTaxonomySays() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.applicationImage()));

        JsonNode babel = component(bom, BABEL_DEV.purl());
        assertThat(babel.path("group").asText()).isEqualTo("@babel");
        assertThat(babel.path("name").asText()).isEqualTo("core");
        assertThat(babel.path("scope").asText()).isEqualTo("excluded");
        List<String> names = new ArrayList<>();
        babel.path("properties").forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).isSorted();
        assertThat(properties(babel)).containsEntry("cdx:npm:package:development", List.of("true"))
                .containsEntry("kensa:package:dev", List.of("true"));
        JsonNode six = component(bom, SIX.purl());
        assertThat(six.has("scope")).isFalse();
        assertThat(six.has("group")).isFalse();
        assertThat(six.path("name").asText()).isEqualTo("six");
        assertThat(properties(six)).doesNotContainKeys("cdx:npm:package:development", "kensa:package:dev");
    }

    @Test
    void aPackageWhoseMetadataAnOsPackageOwnsNamesItsOwner() throws IOException {
        JsonNode bom = JSON.readTree(write(SbomFixtures.applicationImage()));

        assertThat(properties(component(bom, PYYAML_OWNED.purl())))
                .containsEntry("kensa:package:ownedBy", List.of("python3-yaml"))
                .containsEntry("kensa:package:foundBy", List.of("METADATA"));
        assertThat(properties(component(bom, SIX.purl()))).doesNotContainKey("kensa:package:ownedBy");
    }

    private static JsonNode nested(JsonNode bom, String parentRef, String childRef) {
        return StreamSupport.stream(component(bom, parentRef).path("components").spliterator(), false)
                .filter(c -> c.path("bom-ref").asText().equals(childRef)).findFirst().orElseThrow();
    }

    private static List<String> refs(JsonNode components) {
        List<String> out = new ArrayList<>();
        components.forEach(c -> out.add(c.path("bom-ref").asText()));
        return out;
    }

    private static void collectRefs(JsonNode components, List<String> out) {
        components.forEach(c -> {
            out.add(c.path("bom-ref").asText());
            collectRefs(c.path("components"), out);
        });
    }

    private static List<String> locations(JsonNode component) {
        List<String> out = new ArrayList<>();
        component.path("evidence").path("occurrences").forEach(o -> out.add(o.path("location").asText()));
        return out;
    }

    private byte[] write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(report, out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).endsWith("\n");
        return out.toByteArray();
    }

    private static List<JsonNode> components(JsonNode bom, String type) {
        return StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(c -> c.path("type").asText().equals(type)).toList();
    }

    private static JsonNode component(JsonNode bom, String bomRef) {
        return StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(c -> c.path("bom-ref").asText().equals(bomRef)).findFirst().orElseThrow();
    }

    private static String versionOf(List<JsonNode> components, String name) {
        return components.stream().filter(c -> c.path("name").asText().equals(name)).findFirst().orElseThrow()
                .path("version").asText();
    }

    private static Map<String, List<String>> properties(JsonNode component) {
        return StreamSupport.stream(component.path("properties").spliterator(), false)
                .collect(Collectors.groupingBy(p -> p.path("name").asText(),
                        Collectors.mapping(p -> p.path("value").asText(), Collectors.toList())));
    }

    private static Map<String, List<String>> dependencies(JsonNode bom) {
        return StreamSupport.stream(bom.path("dependencies").spliterator(), false)
                .collect(Collectors.toMap(d -> d.path("ref").asText(),
                        d -> StreamSupport.stream(d.path("dependsOn").spliterator(), false).map(JsonNode::asText).toList()));
    }
}
