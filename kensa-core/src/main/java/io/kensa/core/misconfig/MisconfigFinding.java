package io.kensa.core.misconfig;

import io.kensa.core.vuln.Severity;

import java.util.List;

/**
 * A failed configuration check (CIS Docker Benchmark / Dockle on an image, a Dockerfile or a Kubernetes manifest).
 *
 * @param id          the check, e.g. {@code CIS-DI-0001}, {@code DKL-DI-0006}, {@code KSV-0001}
 * @param source      what was checked: {@code image}, {@code dockerfile} or {@code kubernetes}
 * @param severity    the check's severity
 * @param title       the check's title, e.g. {@code Create a user for the container}
 * @param reference   the benchmark section or documentation it comes from, may be null
 * @param remedy      what to change, one or two sentences
 * @param evidence    what made it fire, one line each (an instruction, a file, an environment variable name)
 * @param path        the file that was checked (Dockerfile, manifest, or a file of the image), may be null
 * @param line        1-based line in {@code path} of the first piece of evidence, 0 when not known
 * @param layer       diffID of the layer the evidence is in, may be null
 */
public record MisconfigFinding(String id, String source, Severity severity, String title, String reference,
                               String remedy, List<String> evidence, String path, int line, String layer) {
    public MisconfigFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
