package io.kensa.report;

import io.kensa.core.KensaException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every output format, registered in one place. */
public final class ReporterRegistry {
    private final Map<String, Reporter> byFormat = new LinkedHashMap<>();

    public ReporterRegistry(List<Reporter> reporters) {
        for (Reporter r : reporters) {
            byFormat.put(r.format(), r);
        }
    }

    public static ReporterRegistry defaults() {
        return new ReporterRegistry(List.of(
                new TableReporter(),
                new JsonReporter(),
                new io.kensa.report.sarif.SarifReporter(),
                new io.kensa.report.cyclonedx.CycloneDxReporter(),
                new io.kensa.report.spdx.SpdxReporter(),
                new io.kensa.report.junit.JUnitReporter(),
                new io.kensa.report.gitlab.GitLabReporter(),
                new io.kensa.report.html.HtmlReporter()));
    }

    public Reporter get(String format) {
        Reporter r = byFormat.get(format);
        if (r == null) {
            throw new KensaException("unknown format '" + format + "' (known: " + String.join(", ", byFormat.keySet()) + ")");
        }
        return r;
    }

    public List<String> formats() {
        return List.copyOf(byFormat.keySet());
    }
}
