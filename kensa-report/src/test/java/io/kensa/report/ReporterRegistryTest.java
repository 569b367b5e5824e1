package io.kensa.report;

import io.kensa.core.KensaException;
import io.kensa.report.cyclonedx.CycloneDxReporter;
import io.kensa.report.gitlab.GitLabReporter;
import io.kensa.report.html.HtmlReporter;
import io.kensa.report.junit.JUnitReporter;
import io.kensa.report.sarif.SarifReporter;
import io.kensa.report.spdx.SpdxReporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReporterRegistryTest {

    @Test
    void defaultsOfferTheSbomFormats() {
        ReporterRegistry registry = ReporterRegistry.defaults();

        assertThat(registry.formats()).contains("table", "json", "cyclonedx", "spdx-json");
        assertThat(registry.get("cyclonedx")).isInstanceOf(CycloneDxReporter.class);
        assertThat(registry.get("spdx-json")).isInstanceOf(SpdxReporter.class);
    }

    @Test
    void everyFormatNameAnswersWithTheReporterOfThatName() {
        ReporterRegistry registry = ReporterRegistry.defaults();

        assertThat(registry.formats()).containsExactly("table", "json", "sarif", "cyclonedx", "spdx-json", "junit",
                "gitlab", "html");
        for (String format : registry.formats()) {
            assertThat(registry.get(format).format()).isEqualTo(format);
        }
        assertThat(registry.get("sarif")).isInstanceOf(SarifReporter.class);
        assertThat(registry.get("junit")).isInstanceOf(JUnitReporter.class);
        assertThat(registry.get("gitlab")).isInstanceOf(GitLabReporter.class);
        assertThat(registry.get("html")).isInstanceOf(HtmlReporter.class);
    }

    @Test
    void anUnknownFormatIsOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> ReporterRegistry.defaults().get("xml"))
                .isInstanceOf(KensaException.class)
                .hasMessage("unknown format 'xml' (known: table, json, sarif, cyclonedx, spdx-json, junit, gitlab, html)");
    }
}
