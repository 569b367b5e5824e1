package io.kensa.core;

import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one scan found; reporters format it and never compute.
 *
 * @param createdAt when the scan ran
 * @param artifact  what was scanned
 * @param layers    the image's layers in order (empty for a root filesystem)
 * @param packages        the inventory, sorted by type, name, version
 * @param vulnerabilities the vulnerability findings that survived the filters (empty when the vuln scanner did
 *                        not run)
 * @param suppressed      the findings the filters took out, with the reason
 * @param warnings        problems that did not stop the scan (one line each)
 * @param secrets         credentials found in the layers and the image config (secret scanner)
 * @param misconfigurations failed configuration checks (misconfig scanner)
 * @param licenses        the packages' licenses, classified (license scanner)
 * @param malware         files a malware engine flagged (malware scanner)
 * @param filesNotRead    files a scanner declined to read, counted by {@code scanner: reason} (e.g.
 *                        {@code secret: binary}), so that a report says what was not looked at
 */
public record ScanReport(Instant createdAt, Artifact artifact, List<LayerSummary> layers, List<Package> packages,
                         List<VulnerabilityFinding> vulnerabilities, List<SuppressedFinding> suppressed,
                         List<String> warnings, List<SecretFinding> secrets,
                         List<MisconfigFinding> misconfigurations, List<LicenseFinding> licenses,
                         List<MalwareFinding> malware, Map<String, Long> filesNotRead) {
    public static final int SCHEMA_VERSION = 1;

    public ScanReport {
        layers = List.copyOf(layers);
        packages = List.copyOf(packages);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
        warnings = List.copyOf(warnings);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        misconfigurations = misconfigurations == null ? List.of() : List.copyOf(misconfigurations);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        malware = malware == null ? List.of() : List.copyOf(malware);
        filesNotRead = filesNotRead == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(filesNotRead));
    }

    public ScanReport(Instant createdAt, Artifact artifact, List<LayerSummary> layers, List<Package> packages,
                      List<VulnerabilityFinding> vulnerabilities, List<SuppressedFinding> suppressed,
                      List<String> warnings, List<SecretFinding> secrets, List<MisconfigFinding> misconfigurations,
                      List<LicenseFinding> licenses, List<MalwareFinding> malware) {
        this(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, secrets, misconfigurations,
                licenses, malware, Map.of());
    }

    /** A report with vulnerability findings and no findings of the other scanners. */
    public ScanReport(Instant createdAt, Artifact artifact, List<LayerSummary> layers, List<Package> packages,
                      List<VulnerabilityFinding> vulnerabilities, List<SuppressedFinding> suppressed,
                      List<String> warnings) {
        this(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, List.of(), List.of(),
                List.of(), List.of());
    }

    /** An inventory-only report (no vulnerability scan). */
    public ScanReport(Instant createdAt, Artifact artifact, List<LayerSummary> layers, List<Package> packages,
                      List<String> warnings) {
        this(createdAt, artifact, layers, packages, List.of(), List.of(), warnings);
    }

    /** This report with {@code findings} and {@code suppressedFindings} (the outcome of matching and filtering). */
    public ScanReport withVulnerabilities(List<VulnerabilityFinding> findings,
                                          List<SuppressedFinding> suppressedFindings) {
        return new ScanReport(createdAt, artifact, layers, packages, findings, suppressedFindings, warnings, secrets,
                misconfigurations, licenses, malware, filesNotRead);
    }

    /** This report with {@code newPackages} in place of its packages (a detector that rewrites package fields). */
    public ScanReport withPackages(List<Package> newPackages) {
        return new ScanReport(createdAt, artifact, layers, newPackages, vulnerabilities, suppressed, warnings, secrets,
                misconfigurations, licenses, malware, filesNotRead);
    }

    public ScanReport withSecrets(List<SecretFinding> found) {
        return new ScanReport(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, found,
                misconfigurations, licenses, malware, filesNotRead);
    }

    public ScanReport withMisconfigurations(List<MisconfigFinding> found) {
        return new ScanReport(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, secrets,
                found, licenses, malware, filesNotRead);
    }

    public ScanReport withLicenses(List<LicenseFinding> found) {
        return new ScanReport(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, secrets,
                misconfigurations, found, malware, filesNotRead);
    }

    public ScanReport withMalware(List<MalwareFinding> found) {
        return new ScanReport(createdAt, artifact, layers, packages, vulnerabilities, suppressed, warnings, secrets,
                misconfigurations, licenses, found, filesNotRead);
    }

    /** This report with one more warning. */
    public ScanReport withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ScanReport(createdAt, artifact, layers, packages, vulnerabilities, suppressed, all, secrets,
                misconfigurations, licenses, malware, filesNotRead);
    }
}
