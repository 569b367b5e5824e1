package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters for the findings of the scanners other than {@code vuln} (secrets, misconfigurations, licenses,
 * malware), in the same order as for vulnerabilities: {@code --severity}, then the ignore file's lists
 * {@code secrets}, {@code misconfigurations}, {@code licenses} and {@code malware} (an entry's {@code id} is the secret
 * rule or category, the check id, the license's SPDX expression or category, the malware signature or engine; its
 * {@code paths} narrow it to files, its {@code purls}/{@code packages} to packages for licenses). What a filter takes
 * out is counted per kind and filter, so the report can say what was hidden.
 */
public final class ScannerFindingFilters {
    /** The ignore file's list for each kind of finding. */
    private static final Map<String, String> LIST_NAMES = Map.of("secret", "secrets", "misconfiguration",
            "misconfigurations", "license", "licenses", "malware", "malware");

    private ScannerFindingFilters() {
    }

    /**
     * The outcome.
     *
     * @param report    the report with only the kept findings of the four kinds (vulnerabilities untouched)
     * @param usedRules the ignore-file entries that took out at least one such finding
     * @param hidden    how many findings each filter took out, by {@code kind: filter} (e.g. {@code secret: severity})
     */
    public record Outcome(ScanReport report, Set<IgnoreRule> usedRules, Map<String, Integer> hidden) {
    }

    public static Outcome apply(ScanReport report, FilterOptions options, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        IgnoreRules rules = options.ignoreRules() == null ? new IgnoreRules("", List.of()) : options.ignoreRules();
        Map<String, Package> byPurl = new HashMap<>();
        for (Package p : report.packages()) {
            if (p.purl() != null) {
                byPurl.putIfAbsent(p.purl(), p);
            }
        }
        Run run = new Run(options.severities(), rules, today);
        ScanReport out = report
                .withSecrets(run.keep("secret", report.secrets(), SecretFinding::severity,
                        f -> List.of(f.ruleId(), f.category()), SecretFinding::path, f -> null))
                .withMisconfigurations(run.keep("misconfiguration", report.misconfigurations(),
                        MisconfigFinding::severity, f -> List.of(f.id()), MisconfigFinding::path, f -> null))
                .withLicenses(run.keep("license", report.licenses(), LicenseFinding::severity,
                        f -> List.of(f.license(), f.category()), LicenseFinding::path, f -> byPurl.get(f.purl())))
                .withMalware(run.keep("malware", report.malware(), MalwareFinding::severity,
                        f -> List.of(f.signature(), f.engine()), MalwareFinding::path, f -> null));
        return new Outcome(out, run.used, run.hidden);
    }

    private static final class Run {
        private final Set<Severity> severities;
        private final IgnoreRules rules;
        private final LocalDate today;
        private final Set<IgnoreRule> used = new LinkedHashSet<>();
        private final Map<String, Integer> hidden = new LinkedHashMap<>();

        Run(Set<Severity> severities, IgnoreRules rules, LocalDate today) {
            this.severities = severities;
            this.rules = rules;
            this.today = today;
        }

        <T> List<T> keep(String kind, List<T> findings, Function<T, Severity> severity, Function<T, List<String>> ids,
                         Function<T, String> path, Function<T, Package> pkg) {
            List<IgnoreRule> active = rules.activeFor(LIST_NAMES.get(kind), today);
            List<T> kept = new ArrayList<>();
            for (T f : findings) {
                if (!severities.isEmpty() && !severities.contains(severity.apply(f))) {
                    hidden.merge(kind + ": severity", 1, Integer::sum);
                    continue;
                }
                IgnoreRule rule = firstRule(active, ids.apply(f), path.apply(f), pkg.apply(f));
                if (rule != null) {
                    used.add(rule);
                    hidden.merge(kind + ": ignore-file", 1, Integer::sum);
                    continue;
                }
                kept.add(f);
            }
            return kept;
        }

        private static IgnoreRule firstRule(List<IgnoreRule> rules, List<String> ids, String path, Package pkg) {
            for (IgnoreRule r : rules) {
                for (String id : ids) {
                    if (r.matches(id, path, pkg)) {
                        return r;
                    }
                }
            }
            return null;
        }
    }
}
