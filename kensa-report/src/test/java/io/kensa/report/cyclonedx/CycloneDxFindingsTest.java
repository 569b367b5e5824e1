package io.kensa.report.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.report.findings.FindingFixtures;
import io.kensa.report.vuln.VulnFixtures;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "kensa:artifact:image:" + FindingFixtures.IMAGE;

    @Test
    void aBomWithEveryKindOfFindingIsValidCycloneDx16() throws Exception {
        for (ScanReport report : List.of(FindingFixtures.report(), FindingFixtures.hostile(), withVulnerabilities())) {
            byte[] bom = write(report);
            assertThat(new JsonParser().validate(bom, Version.VERSION_16)).extracting(Throwable::getMessage).isEmpty();
            assertThat(new JsonParser().parse(bom).getVulnerabilities()).isNotEmpty();
        }
    }

    @Test
    void eachSecretIsAVulnerabilityEntryOfTheKensaSecretSourceAffectingItsFile() throws IOException {
        JsonNode bom = JSON.readTree(write(FindingFixtures.report()));
        List<JsonNode> secrets = bySource(bom, CycloneDxFindings.SECRET_SOURCE);

        assertThat(secrets).hasSize(FindingFixtures.SECRETS.size());
        JsonNode pat = secrets.getFirst();
        assertThat(pat.path("id").asText()).isEqualTo("github-pat");
        assertThat(pat.at("/ratings/0/severity").asText()).isEqualTo("critical");
        assertThat(pat.at("/ratings/0/method").asText()).isEqualTo("other");
        assertThat(pat.at("/cwes/0").asInt()).isEqualTo(798);
        assertThat(pat.path("description").asText()).isEqualTo("GitHub Personal Access Token");
        assertThat(pat.path("detail").asText()).as("exactly as masked").isEqualTo(FindingFixtures.GITHUB_PAT.match());
        assertThat(properties(pat)).containsEntry("kensa:finding:kind", List.of("secret"))
                .containsEntry("kensa:finding:path", List.of("/app/config/settings.yml"))
                .containsEntry("kensa:finding:line", List.of("4"))
                .containsEntry("kensa:layer:diffID", List.of(FindingFixtures.L2))
                .containsEntry("kensa:secret:category", List.of("GitHub"))
                .containsEntry("kensa:secret:example", List.of("false"));
        JsonNode file = component(bom, pat.at("/affects/0/ref").asText());
        assertThat(file.path("type").asText()).isEqualTo("file");
        assertThat(file.path("name").asText()).isEqualTo("/app/config/settings.yml");
        assertThat(properties(file)).containsEntry("kensa:layer:diffID", List.of(FindingFixtures.L2))
                .doesNotContainKey("kensa:file:deleted");

        JsonNode key = secrets.stream().filter(s -> s.path("id").asText().equals("private-key")).findFirst().orElseThrow();
        assertThat(properties(key)).containsEntry("kensa:finding:deleted", List.of("true"));
        assertThat(properties(component(bom, key.at("/affects/0/ref").asText())))
                .containsEntry("kensa:file:deleted", List.of("true"));
        JsonNode env = secrets.stream().filter(s -> s.path("detail").asText().equals(FindingFixtures.CONFIG_ENV.match()))
                .findFirst().orElseThrow();
        assertThat(env.at("/affects/0/ref").asText()).as("the image config is the image's").isEqualTo(SUBJECT);
        assertThat(properties(env)).containsEntry("kensa:finding:path", List.of("config:Env"))
                .doesNotContainKey("kensa:layer:diffID");
    }

    @Test
    void misconfigurationsAndMalwareAreVulnerabilityEntriesToo() throws IOException {
        JsonNode bom = JSON.readTree(write(FindingFixtures.report()));

        List<JsonNode> checks = bySource(bom, CycloneDxFindings.MISCONFIG_SOURCE);
        assertThat(checks).extracting(c -> c.path("id").asText())
                .containsExactly("CIS-DI-0001", "DKL-DI-0001", "CIS-DI-0008", "CIS-DI-0009");
        JsonNode root = checks.getFirst();
        assertThat(root.at("/ratings/0/severity").asText()).isEqualTo("high");
        assertThat(root.path("description").asText()).isEqualTo("Create a user for the container");
        assertThat(root.path("detail").asText()).isEqualTo("Config.User is not set: the container runs as root");
        assertThat(root.path("recommendation").asText()).startsWith("Add a USER instruction");
        assertThat(root.at("/affects/0/ref").asText()).isEqualTo(SUBJECT);
        assertThat(properties(root)).containsEntry("kensa:misconfig:source", List.of("image"));
        JsonNode sudo = checks.get(1);
        assertThat(properties(sudo)).containsEntry("kensa:finding:path", List.of("Dockerfile"))
                .containsEntry("kensa:finding:line", List.of("5"))
                .containsEntry("kensa:misconfig:evidence", List.of("RUN sudo apt-get install -y curl"));
        JsonNode setuid = checks.get(2);
        JsonNode netdiag = component(bom, setuid.at("/affects/0/ref").asText());
        assertThat(netdiag.path("name").asText()).isEqualTo("/usr/local/bin/netdiag");
        assertThat(properties(netdiag)).containsEntry("kensa:layer:diffID", List.of(FindingFixtures.L4));
        JsonNode add = checks.get(3);
        assertThat(add.at("/source/url").asText()).isEqualTo("https://docs.docker.com/reference/dockerfile/#add");
        assertThat(properties(add)).containsEntry("kensa:layer:diffID", List.of(FindingFixtures.L1));

        List<JsonNode> malware = bySource(bom, CycloneDxFindings.MALWARE_SOURCE);
        assertThat(malware).extracting(m -> m.path("id").asText()).containsExactly("Eicar-Signature", "EICAR-Test-File");
        assertThat(malware).allSatisfy(m -> {
            assertThat(m.at("/cwes/0").asInt()).isEqualTo(506);
            assertThat(m.at("/ratings/0/severity").asText()).isEqualTo("low");
        });
        assertThat(malware.get(0).at("/affects/0/ref").asText()).as("one component per file and layer")
                .isEqualTo(malware.get(1).at("/affects/0/ref").asText());
        assertThat(properties(malware.get(1))).containsEntry("kensa:malware:engine", List.of("hash"))
                .containsEntry("kensa:malware:sha256", List.of(FindingFixtures.EICAR_SHA256))
                .containsEntry("kensa:finding:path", List.of("/tmp/eicar.com"));
        JsonNode eicar = component(bom, malware.get(0).at("/affects/0/ref").asText());
        assertThat(eicar.path("name").asText()).isEqualTo("/tmp/eicar.com");
        assertThat(eicar.at("/hashes/0/alg").asText()).isEqualTo("SHA-256");
        assertThat(eicar.at("/hashes/0/content").asText()).isEqualTo(FindingFixtures.EICAR_SHA256);
    }

    @Test
    void everyAffectedReferenceIsAComponentOrTheImageAndEveryFileIsInTheDependencyGraph() throws IOException {
        JsonNode bom = JSON.readTree(write(withVulnerabilities()));

        Set<String> refs = new HashSet<>();
        refs.add(bom.at("/metadata/component/bom-ref").asText());
        collectRefs(bom.path("components"), refs);
        for (JsonNode v : bom.path("vulnerabilities")) {
            v.path("affects").forEach(a -> assertThat(refs).contains(a.path("ref").asText()));
        }
        List<String> subjectDependsOn = new ArrayList<>();
        bom.path("dependencies").forEach(d -> {
            if (d.path("ref").asText().equals(bom.at("/metadata/component/bom-ref").asText())) {
                d.path("dependsOn").forEach(r -> subjectDependsOn.add(r.asText()));
            }
        });
        List<String> files = StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(c -> c.path("type").asText().equals("file")).map(c -> c.path("bom-ref").asText()).toList();
        assertThat(files).hasSize(7);
        assertThat(subjectDependsOn).containsAll(files);
        assertThat(bySource(bom, "osv-debian")).as("the vulnerabilities are still there, first").isNotEmpty();
        assertThat(bom.path("vulnerabilities").get(0).at("/source/name").asText()).doesNotStartWith("kensa-");
    }

    @Test
    void theLicenseScannersExpressionIsTheComponentsLicenseWithItsCategoryAndPolicy() throws IOException {
        JsonNode bom = JSON.readTree(write(FindingFixtures.report()));

        JsonNode tar = component(bom, FindingFixtures.TAR.purl());
        assertThat(tar.at("/licenses/0/license/id").asText()).isEqualTo("GPL-3.0-or-later");
        assertThat(properties(tar)).containsEntry("kensa:license:category", List.of("restricted"))
                .containsEntry("kensa:license:policy", List.of("fail"))
                .containsEntry("kensa:license:severity", List.of("HIGH"));
        JsonNode baseFiles = component(bom, FindingFixtures.BASE_FILES.purl());
        assertThat(baseFiles.at("/licenses/0/expression").asText()).isEqualTo("LicenseRef-base-files-copyright");
        assertThat(properties(baseFiles)).containsEntry("kensa:license:category", List.of("unknown"));
        assertThat(properties(component(bom, FindingFixtures.ZLIB.purl())))
                .containsEntry("kensa:license:policy", List.of("allow"));
    }

    @Test
    void aCompoundExpressionStaysOneExpressionAndAPackageWithoutFindingKeepsItsDeclaredLicenses() throws IOException {
        LicenseFinding dual = new LicenseFinding(FindingFixtures.DPKG.purl(), "dpkg",
                "GPL-2.0-or-later AND BSD-2-Clause", "restricted", Severity.HIGH, FindingFixtures.L0,
                "/usr/share/doc/dpkg/copyright", "warn");
        ScanReport report = FindingFixtures.inventory().withLicenses(List.of(dual));
        JsonNode bom = JSON.readTree(write(report));

        assertThat(component(bom, FindingFixtures.DPKG.purl()).at("/licenses/0/expression").asText())
                .isEqualTo("GPL-2.0-or-later AND BSD-2-Clause");
        assertThat(component(bom, FindingFixtures.TAR.purl()).has("licenses")).as("no finding, no declared license")
                .isFalse();
    }

    @Test
    void aLicenseFindingOfAPackageTheInventoryDoesNotListIsAComponentOfItsOwn() throws Exception {
        LicenseFinding lodash = new LicenseFinding("pkg:npm/lodash@4.17.15", "lodash", "MIT", "notice", Severity.LOW,
                FindingFixtures.L2, "/app/node_modules/lodash/package.json", "allow");
        byte[] bytes = write(FindingFixtures.inventory().withLicenses(List.of(lodash)));
        JsonNode bom = JSON.readTree(bytes);

        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode c = component(bom, "pkg:npm/lodash@4.17.15");
        assertThat(c.path("type").asText()).isEqualTo("library");
        assertThat(c.path("name").asText()).isEqualTo("lodash");
        assertThat(c.at("/licenses/0/license/id").asText()).isEqualTo("MIT");
        assertThat(c.at("/evidence/occurrences/0/location").asText()).isEqualTo("/app/node_modules/lodash/package.json");
        assertThat(properties(c)).containsEntry("kensa:layer:diffID", List.of(FindingFixtures.L2))
                .containsEntry("kensa:license:category", List.of("notice"));
    }

    @Test
    void onlyTheMaskedLinesOfTheSecretsAreWritten() throws IOException {
        String text = new String(write(FindingFixtures.report()), StandardCharsets.UTF_8);

        for (String raw : FindingFixtures.RAW_SECRETS) {
            assertThat(text).doesNotContain(raw);
        }
        for (SecretFinding s : FindingFixtures.SECRETS) {
            assertThat(text).contains("\"detail\" : \"" + s.match() + "\"");
        }
    }

    @Test
    void aReportWithoutFindingsHasNoVulnerabilitiesAndNoFileComponents() throws IOException {
        JsonNode bom = JSON.readTree(write(FindingFixtures.inventory()));

        assertThat(bom.has("vulnerabilities")).isFalse();
        assertThat(bom.path("components")).noneSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("file"));
    }

    private static ScanReport withVulnerabilities() {
        return VulnFixtures.report().withSecrets(FindingFixtures.SECRETS)
                .withMisconfigurations(FindingFixtures.MISCONFIGURATIONS).withLicenses(FindingFixtures.LICENSES)
                .withMalware(FindingFixtures.MALWARE);
    }

    private static List<JsonNode> bySource(JsonNode bom, String source) {
        return StreamSupport.stream(bom.path("vulnerabilities").spliterator(), false)
                .filter(v -> v.at("/source/name").asText().equals(source)).toList();
    }

    private static JsonNode component(JsonNode bom, String bomRef) {
        return StreamSupport.stream(bom.path("components").spliterator(), false)
                .filter(c -> c.path("bom-ref").asText().equals(bomRef)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + bomRef));
    }

    private static void collectRefs(JsonNode components, Set<String> out) {
        components.forEach(c -> {
            out.add(c.path("bom-ref").asText());
            collectRefs(c.path("components"), out);
        });
    }

    private static Map<String, List<String>> properties(JsonNode node) {
        return StreamSupport.stream(node.path("properties").spliterator(), false)
                .collect(Collectors.groupingBy(p -> p.path("name").asText(),
                        Collectors.mapping(p -> p.path("value").asText(), Collectors.toList())));
    }

    private static byte[] write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxReporter().write(report, out);
        return out.toByteArray();
    }
}
