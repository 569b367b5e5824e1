package io.kensa.report;

import io.kensa.report.cyclonedx.CycloneDxReporter;
import io.kensa.report.spdx.SpdxReporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterRegistryTest {

    @Test
    void defaultsOfferTheSbomFormats() {
        ReporterRegistry registry = ReporterRegistry.defaults();

        assertThat(registry.formats()).contains("table", "json", "cyclonedx", "spdx-json");
        assertThat(registry.get("cyclonedx")).isInstanceOf(CycloneDxReporter.class);
        assertThat(registry.get("spdx-json")).isInstanceOf(SpdxReporter.class);
    }
}
