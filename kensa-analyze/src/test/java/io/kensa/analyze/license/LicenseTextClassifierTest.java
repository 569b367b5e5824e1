package io.kensa.analyze.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.analyze.testing.ImageTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real license texts: Debian's /usr/share/common-licenses, the META-INF license files of jars from Maven Central
 * (license/texts/, see its README), every LICENSE file of node-app's node_modules and the free-text copyright
 * files of debian-bookworm (read from the corpus images).
 */
class LicenseTextClassifierTest {
    private final LicenseTextClassifier classifier = LicenseTextClassifier.bundled();

    @TempDir
    Path scratch;

    private static String text(String name) throws IOException {
        try (InputStream in = LicenseTextClassifierTest.class.getResourceAsStream("/license/texts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            debian-common-licenses-Apache-2.0                  | Apache-2.0
            debian-common-licenses-GPL-2                       | GPL-2.0-only
            debian-common-licenses-GPL-3                       | GPL-3.0-only
            debian-common-licenses-LGPL-2.1                    | LGPL-2.1-only
            debian-common-licenses-LGPL-3                      | LGPL-3.0-only
            debian-common-licenses-MPL-2.0                     | MPL-2.0
            debian-common-licenses-BSD                         | BSD-3-Clause
            debian-common-licenses-Artistic                    | Artistic-1.0-Perl
            debian-common-licenses-CC0-1.0                     | CC0-1.0
            jsoup-1.16.1.META-INF-LICENSE                      | MIT
            commonmark-ext-gfm-tables-0.21.0.META-INF-LICENSE.txt | BSD-2-Clause
            junit-4.13.2.LICENSE-junit.txt                     | EPL-1.0
            junit-platform-launcher-1.12.1.META-INF-LICENSE.md | EPL-2.0
            log4j-core-2.14.1.META-INF-LICENSE                 | Apache-2.0
            """)
    void oneLicenseTextIsThatLicense(String file, String expected) throws IOException {
        assertThat(classifier.classify(text(file))).containsExactly(expected);
    }

    @Test
    void textsHoldingSeveralLicensesGiveEach() throws IOException {
        // Oracle's CDDL 1.1 and GPLv2 with the Classpath exception, full texts one after the other
        assertThat(classifier.classify(text("javax.annotation-api-1.3.2.META-INF-LICENSE.txt")))
                .containsExactlyInAnyOrder("CDDL-1.1", "GPL-2.0-only");
        // Spring's license.txt: Apache-2.0, then the BSD-3-Clause license of the ASM code it repackages
        assertThat(classifier.classify(text("spring-web-5.3.17.META-INF-license.txt")))
                .containsExactly("Apache-2.0", "BSD-3-Clause");
    }

    @Test
    void spdxTagsAreTheDeclaration() throws IOException {
        assertThat(classifier.classify(text("jna-5.13.0.META-INF-LICENSE"))).containsExactly("Apache-2.0 OR LGPL-2.1-only");
    }

    @Test
    void aNoticeWithoutALicenseTextIsNotGuessed() throws IOException {
        // "This copy of Jackson JSON processor databind module is licensed under the Apache (Software) License,
        // version 2.0": a pointer to a license, no text to recognise (the jar's Bundle-License names it instead)
        assertThat(classifier.classify(text("jackson-databind-2.9.10.1.META-INF-LICENSE"))).isEmpty();
        assertThat(classifier.classify("")).isEmpty();
        assertThat(classifier.classify("All rights reserved. Do not copy.")).isEmpty();
    }

    @Test
    void everyLicenseFileOfNodeAppIsTheLicenseItsPackageDeclares() throws IOException {
        Map<String, String> files = ImageTexts.read("node-app.docker.tar",
                p -> p.startsWith("app/node_modules/") && (p.endsWith("/package.json") || isLicenseFile(p)), scratch);
        ObjectMapper json = new ObjectMapper();
        Map<String, String> classified = new TreeMap<>();
        Map<String, String> declared = new TreeMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (!isLicenseFile(e.getKey())) {
                continue;
            }
            String dir = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
            JsonNode manifest = json.readTree(files.get(dir + "/package.json"));
            declared.put(dir, manifest.path("license").asText());
            classified.put(dir, String.join(" AND ", classifier.classify(e.getValue())));
        }
        assertThat(declared).hasSizeGreaterThanOrEqualTo(60);
        assertThat(declared.values()).contains("MIT", "ISC", "BSD-3-Clause", "Apache-2.0");
        assertThat(classified).isEqualTo(declared);
    }

    private static boolean isLicenseFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return path.chars().filter(c -> c == '/').count() == 3 && name.startsWith("license");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            base-files   | GPL-2.0-or-later
            busybox      | GPL-2.0-only
            librtmp1     | GPL-2.0-or-later, LGPL-2.1-or-later
            libselinux1  | GPL-2.0-only, LGPL-2.1-or-later
            libcrypt1    | LGPL-2.1-or-later
            libtasn1-6   | LGPL-2.1-or-later, GPL-3.0-or-later
            libc6        | BSD-3-Clause, MIT-CMU, ISC, LGPL-2.1-or-later, GPL-2.0-or-later
            """)
    void debianFreeTextCopyrightFiles(String pkg, String expected) throws IOException {
        // libc6's file holds the texts of the licenses of glibc's parts: BSD-3-Clause (UC Regents), the CMU
        // license, the Internet Software Consortium's ISC license, with the GNU notices of the library
        String path = "usr/share/doc/" + pkg + "/copyright";
        String copyright = ImageTexts.read("debian-bookworm.docker.tar", path::equals, scratch).get(path);
        assertThat(copyright).as(path).isNotNull().doesNotStartWith("Format:");
        assertThat(classifier.classify(copyright)).containsExactly(expected.split(", "));
    }

    @Test
    void recognisesTheCommonLicensesAndNotTheirNearVariants() {
        List<String> ids = classifier.referenceIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(60).contains("MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause",
                "ISC", "GPL-2.0-only", "GPL-3.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "MPL-2.0", "EPL-1.0",
                "EPL-2.0");
        // each reference text, from the SPDX list itself, is recognised as itself and as nothing else
        SpdxLicenseList list = SpdxLicenses.bundled().list();
        for (String id : ids) {
            String reference = list.text(id).orElseThrow().text().replace(LicenseTemplates.GAP, '\n');
            assertThat(classifier.fullTexts(reference)).as(id).containsExactly(id);
        }
    }
}
