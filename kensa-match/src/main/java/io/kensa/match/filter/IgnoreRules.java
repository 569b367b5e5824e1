package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of one ignore file.
 *
 * @param source       the file as the user named it, for reasons and messages
 * @param rules        the {@code vulnerabilities} rules in file order
 * @param scannerRules the rules for the other scanners' findings, by the file's list name ({@code secrets},
 *                     {@code misconfigurations}, {@code licenses}, {@code malware})
 */
public record IgnoreRules(String source, List<IgnoreRule> rules, Map<String, List<IgnoreRule>> scannerRules) {
    public IgnoreRules {
        rules = List.copyOf(rules);
        scannerRules = scannerRules == null ? Map.of() : Map.copyOf(scannerRules);
    }

    public IgnoreRules(String source, List<IgnoreRule> rules) {
        this(source, rules, Map.of());
    }

    /** The rules of the list {@code kind} ({@code secrets} …) still applying on {@code today}. */
    public List<IgnoreRule> activeFor(String kind, LocalDate today) {
        return scannerRules.getOrDefault(kind, List.of()).stream().filter(r -> !r.isExpired(today)).toList();
    }

    /** The rules still applying on {@code today}. */
    public List<IgnoreRule> active(LocalDate today) {
        return rules.stream().filter(r -> !r.isExpired(today)).toList();
    }

    /** The rules that stopped applying before {@code today}. */
    public List<IgnoreRule> expired(LocalDate today) {
        return rules.stream().filter(r -> r.isExpired(today)).toList();
    }

    /** The first rule applying on {@code today} that names {@code finding} in {@code instance}, null when none. */
    public IgnoreRule firstMatch(VulnerabilityFinding finding, Package instance, LocalDate today) {
        for (IgnoreRule r : rules) {
            if (!r.isExpired(today) && r.matches(finding, instance)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The rules applying on {@code today} that name none of {@code findings} (all the scan's findings, before any
     * filter): left over from a fixed vulnerability or a removed package, or misspelt.
     */
    public List<IgnoreRule> unused(List<VulnerabilityFinding> findings, LocalDate today) {
        List<IgnoreRule> out = new ArrayList<>();
        for (IgnoreRule r : active(today)) {
            if (findings.stream().noneMatch(r::matches)) {
                out.add(r);
            }
        }
        return out;
    }
}
