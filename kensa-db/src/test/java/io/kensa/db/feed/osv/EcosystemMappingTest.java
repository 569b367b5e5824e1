package io.kensa.db.feed.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The namespaces of the publishers' ecosystem strings: every string of the corpus zips, and Ubuntu's. */
class EcosystemMappingTest {

    /** Every distinct {@code affected[].package.ecosystem} of a corpus zip. */
    static TreeSet<String> ecosystems(OsvSource source) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (ZipFile zip = new ZipFile(Corpus.root().resolve("advisories").resolve(source.path()).toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    for (JsonNode a : json.readTree(in).path("affected")) {
                        if (a.path("package").path("ecosystem").isTextual()) {
                            out.add(a.path("package").path("ecosystem").asText());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, String> mapped(EcosystemMapping mapping, Iterable<String> ecosystems) {
        Map<String, String> out = new TreeMap<>();
        for (String e : ecosystems) {
            assertThat(mapping.owns(e)).as(e).isTrue();
            out.put(e, String.valueOf(mapping.namespace(e)));
        }
        return out;
    }

    @Test
    void everySuseProductOfTheCorpusThatIsAReleaseMapsToIt() throws IOException {
        TreeSet<String> all = ecosystems(OsvSource.SUSE);
        assertThat(all).hasSize(57);
        Map<String, String> mapped = mapped(new SuseProducts(), all);
        assertThat(mapped).contains(
                entry("openSUSE:Leap 15.6", "opensuse-leap:15.6"),
                entry("openSUSE:Leap 15.5", "opensuse-leap:15.5"),
                entry("SUSE:Linux Enterprise Server 15 SP5-LTSS", "sles:15.5"),
                entry("SUSE:Linux Enterprise Server 12 SP5-LTSS", "sles:12.5"),
                entry("SUSE:Linux Enterprise Server LTSS Extended Security 12 SP5", "sles:12.5"),
                entry("SUSE:Linux Enterprise Server 11 SP4 LTSS EXTREME CORE", "sles:11.4"),
                entry("SUSE:Linux Enterprise Server for SAP Applications 15 SP4", "sles:15.4"),
                entry("SUSE:Linux Enterprise Module for Basesystem 15 SP6", "sles:15.6"),
                entry("SUSE:Linux Enterprise Module for Python 3 15 SP6", "sles:15.6"),
                entry("SUSE:Linux Enterprise High Performance Computing 15 SP5-ESPOS", "sles:15.5"),
                entry("SUSE:Linux Enterprise Module for Public Cloud 12", "sles:12"),
                entry("SUSE:Linux Enterprise Micro 5.5", "null"),
                entry("openSUSE:Leap Micro 5.5", "null"),
                entry("SUSE:Manager Server 4.3", "null"),
                entry("SUSE:Manager Client Tools for SLE Micro 5", "null"),
                entry("SUSE:Enterprise Storage 7.1", "null"),
                entry("SUSE:Real Time Module 15 SP6", "null"));
        // the rule, over all 57: every "SUSE:Linux Enterprise" product but Micro is a SLES release
        for (Map.Entry<String, String> e : mapped.entrySet()) {
            boolean sle = e.getKey().startsWith("SUSE:Linux Enterprise ") && !e.getKey().contains("Micro");
            boolean leap = e.getKey().startsWith("openSUSE:Leap ") && !e.getKey().contains("Micro");
            assertThat(e.getValue()).as(e.getKey())
                    .matches(sle ? "sles:1[125](\\.\\d)?" : leap ? "opensuse-leap:15\\.[56]" : "null");
        }
        // the brief's spellings (not in the corpus' 2025 subset)
        assertThat(new SuseProducts().namespace("SUSE:Linux Enterprise Server 15 SP6")).isEqualTo("sles:15.6");
        assertThat(new SuseProducts().namespace("SUSE:Linux Enterprise Server 12 SP5")).isEqualTo("sles:12.5");
    }

    @Test
    void redHatMapsItsMainLineAndExtendedLifeStreamsOnly() throws IOException {
        TreeSet<String> all = ecosystems(OsvSource.REDHAT);
        assertThat(all).hasSize(226);
        Map<String, String> mapped = mapped(new RedHatStreams(), all);
        assertThat(mapped).contains(
                entry("Red Hat:enterprise_linux:9::appstream", "redhat:9"),
                entry("Red Hat:enterprise_linux:9::baseos", "redhat:9"),
                entry("Red Hat:enterprise_linux:8::crb", "redhat:8"),
                entry("Red Hat:enterprise_linux:7::server", "redhat:7"),
                entry("Red Hat:rhel_els:7", "redhat:7"),
                entry("Red Hat:rhel_els:6", "redhat:6"),
                entry("Red Hat:rhel_eus:9.2::appstream", "null"),
                entry("Red Hat:rhel_aus:8.4::baseos", "null"),
                entry("Red Hat:rhel_e4s:9.0::appstream", "null"),
                entry("Red Hat:rhel_tus:8.6::appstream", "null"),
                entry("Red Hat:rhel_extras:7", "null"),
                entry("Red Hat:openjdk_els:11::el9", "null"),
                entry("Red Hat:satellite:6.16::el9", "null"),
                entry("Red Hat:jboss_enterprise_application_platform:8.0::el9", "null"));
        assertThat(mapped.values().stream().filter(v -> !v.equals("null")).distinct().sorted())
                .containsExactly("redhat:6", "redhat:7", "redhat:8", "redhat:9");
        for (Map.Entry<String, String> e : mapped.entrySet()) {
            boolean rhel = e.getKey().startsWith("Red Hat:enterprise_linux:") || e.getKey().startsWith("Red Hat:rhel_els:");
            assertThat(e.getValue().equals("null")).as(e.getKey()).isEqualTo(!rhel);
        }
        assertThat(new RedHatStreams().namespace("Red Hat:certificate_system:10.4::el8")).isNull();
    }

    @Test
    void ubuntuReleasesAndTheirProStreamMapTheOtherProStreamsDoNot() {
        UbuntuReleases ubuntu = new UbuntuReleases();
        assertThat(ubuntu.namespace("Ubuntu:22.04:LTS")).isEqualTo("ubuntu:22.04");
        assertThat(ubuntu.namespace("Ubuntu:24.10")).isEqualTo("ubuntu:24.10");
        assertThat(ubuntu.namespace("Ubuntu:Pro:18.04:LTS")).isEqualTo("ubuntu:18.04");
        assertThat(ubuntu.namespace("Ubuntu:Pro:14.04:LTS")).isEqualTo("ubuntu:14.04");
        assertThat(ubuntu.namespace("Ubuntu:Pro:FIPS:22.04:LTS")).isNull();
        assertThat(ubuntu.namespace("Ubuntu:Pro:FIPS-updates:20.04:LTS")).isNull();
        assertThat(ubuntu.namespace("Ubuntu:Pro:Realtime:22.04:LTS")).isNull();
        assertThat(ubuntu.namespace("Ubuntu:Nvidia-BlueField:22.04")).isNull();
        assertThat(ubuntu.owns("Ubuntu:Pro:FIPS:22.04:LTS")).isTrue();
        assertThat(ubuntu.owns("Debian:12")).isFalse();
    }

    @Test
    void debianReleasesAreNumbersAndAlpineEntriesAreNotDebians() throws IOException {
        TreeSet<String> all = ecosystems(OsvSource.DEBIAN);
        DebianReleases debian = new DebianReleases();
        assertThat(all.stream().filter(debian::owns).map(debian::namespace))
                .containsExactly("debian:10", "debian:11", "debian:12", "debian:13");
        assertThat(all.stream().filter(e -> !debian.owns(e))).hasSize(20).allMatch(e -> e.startsWith("Alpine:v3."));
    }

    @Test
    void languageEcosystemsAreSpelledExactly() {
        assertThat(OsvSource.MAVEN.ecosystems().namespace("Maven")).isEqualTo("maven");
        assertThat(OsvSource.CRATES_IO.ecosystems().namespace("crates.io")).isEqualTo("cargo");
        assertThat(OsvSource.GO.ecosystems().namespace("Go")).isEqualTo("golang");
        assertThat(OsvSource.RUBYGEMS.ecosystems().namespace("RubyGems")).isEqualTo("gem");
        assertThat(OsvSource.PACKAGIST.ecosystems().namespace("Packagist")).isEqualTo("composer");
        assertThat(OsvSource.NUGET.ecosystems().namespace("NuGet")).isEqualTo("nuget");
        assertThat(OsvSource.PYPI.ecosystems().namespace("PyPI")).isEqualTo("pypi");
        assertThat(OsvSource.NPM.ecosystems().namespace("npm")).isEqualTo("npm");
        assertThat(OsvSource.MAVEN.ecosystems().owns("npm")).isFalse();
        assertThat(OsvSource.NPM.ecosystems().owns("NPM")).isFalse();
    }
}
