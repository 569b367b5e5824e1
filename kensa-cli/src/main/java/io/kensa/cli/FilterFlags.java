package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.match.filter.FilterOptions;
import io.kensa.match.filter.Gate;
import io.kensa.match.filter.IgnoreFile;
import io.kensa.match.filter.IgnoreRule;
import io.kensa.match.filter.IgnoreRules;
import io.kensa.match.vex.VexDocument;
import io.kensa.match.vex.VexDocuments;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters applied to findings before the gate, in this order: {@code --severity}, {@code --ignore-unfixed} /
 * {@code --ignore-status}, the ignore file, VEX, {@code --min-epss}, {@code --kev-only}; and the gate,
 * {@code --exit-code} and {@code --fail-on-kev}, which fire only on what survives them.
 */
final class FilterFlags {
    @Option(names = "--severity", paramLabel = "LIST",
            description = "Report only these severities: CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN (default: all).")
    String severity;

    @Option(names = "--ignore-unfixed", description = "Leave out vulnerabilities that have no fixed version.")
    boolean ignoreUnfixed;

    @Option(names = "--ignore-status", paramLabel = "LIST",
            description = "Leave out these statuses: fixed, affected, will_not_fix, end_of_life, deferred.")
    String ignoreStatus;

    @Option(names = "--ignorefile", paramLabel = "FILE",
            description = {"Ignore rules (YAML; default: ./" + IgnoreFile.DEFAULT_NAME + " when present)."})
    Path ignoreFile;

    @Option(names = "--ignore", paramLabel = "ID", split = ",",
            description = {"Leave out findings with this id: a vulnerability (or alias), a secret rule, a check",
                    "(CIS-DI-0006), a license or category, a malware signature; repeatable."})
    List<String> ignoreIds;

    @Option(names = "--vex", paramLabel = "FILE",
            description = "VEX document (OpenVEX, CycloneDX VEX or CSAF VEX); repeatable. not_affected and fixed suppress.")
    List<Path> vex;

    @Option(names = "--min-epss", paramLabel = "SCORE",
            description = "Report only vulnerabilities whose EPSS score is at least SCORE (0 to 1).")
    Double minEpss;

    @Option(names = "--kev-only", description = "Report only vulnerabilities in CISA's Known Exploited Vulnerabilities catalog.")
    boolean kevOnly;

    @Option(names = "--exit-code", paramLabel = "N", defaultValue = "0",
            description = "Exit with N when findings of any scanner remain after the filters (default: 0).")
    int exitCode;

    @Option(names = "--fail-on-kev",
            description = "Fail (exit --exit-code, or 1) when a known exploited vulnerability remains after the filters.")
    boolean failOnKev;

    /**
     * The filters, with the ignore file and VEX documents read (each a one-line error when bad), and the gate's
     * {@code --exit-code} checked: called before the scan.
     */
    FilterOptions options() {
        gate();
        FilterOptions o = FilterOptions.none();
        if (severity != null) {
            o = o.withSeverities(FilterOptions.parseSeverities(severity));
        }
        o = o.withIgnoreUnfixed(ignoreUnfixed);
        if (ignoreStatus != null) {
            o = o.withIgnoreStatuses(FilterOptions.parseStatuses(ignoreStatus));
        }
        IgnoreRules rules = ignoreRules();
        if (rules != null) {
            o = o.withIgnoreRules(rules);
        }
        if (vex != null && !vex.isEmpty()) {
            List<VexDocument> docs = new ArrayList<>();
            for (Path p : vex) {
                docs.add(VexDocuments.read(p));
            }
            o = o.withVexDocuments(docs);
        }
        if (minEpss != null) {
            if (minEpss < 0 || minEpss > 1) {
                throw new KensaException("--min-epss must be between 0 and 1, not " + minEpss);
            }
            o = o.withMinEpss(minEpss);
        }
        return o.withKevOnly(kevOnly);
    }

    private IgnoreRules ignoreRules() {
        IgnoreRules fromFile = null;
        if (ignoreFile != null) {
            fromFile = IgnoreFile.read(ignoreFile);
        } else if (Files.isRegularFile(Path.of(IgnoreFile.DEFAULT_NAME))) {
            fromFile = IgnoreFile.read(Path.of(IgnoreFile.DEFAULT_NAME));
        }
        return ignoreIds == null || ignoreIds.isEmpty() ? fromFile : withCommandLineIds(fromFile);
    }

    /** The ignore file's rules plus one rule per {@code --ignore} id, for every kind of finding. */
    private IgnoreRules withCommandLineIds(IgnoreRules fromFile) {
        List<IgnoreRule> ids = new ArrayList<>();
        int entry = 0;
        for (String id : ignoreIds) {
            if (!id.isBlank()) {
                ids.add(new IgnoreRule(++entry, id.trim(), List.of(), List.of(), List.of(), null, "--ignore"));
            }
        }
        List<IgnoreRule> vulnerabilities = new ArrayList<>(fromFile == null ? List.of() : fromFile.rules());
        vulnerabilities.addAll(ids);
        Map<String, List<IgnoreRule>> others = new LinkedHashMap<>();
        for (String kind : List.of("secrets", "misconfigurations", "licenses", "malware")) {
            List<IgnoreRule> rules = new ArrayList<>(fromFile == null ? List.of()
                    : fromFile.scannerRules().getOrDefault(kind, List.of()));
            rules.addAll(ids);
            others.put(kind, rules);
        }
        return new IgnoreRules(fromFile == null ? "--ignore" : fromFile.source(), vulnerabilities, others);
    }

    Gate gate() {
        return new Gate(exitCode, failOnKev);
    }

    /** True when the scan's exit code depends on findings: then a missing database is an error, not a warning. */
    boolean gateRequested() {
        return exitCode != 0 || failOnKev;
    }
}
