package io.kensa.match.filter;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CI gate, applied to the findings the filters kept (never to the suppressed ones):
 * <ul>
 *   <li>{@code --exit-code N}: exit with N when at least one finding is kept. 0, the default, never fires.</li>
 *   <li>{@code --fail-on-kev}: exit non-zero when a kept finding is in CISA's KEV catalog, with or without
 *       {@code --exit-code}: with the {@code --exit-code} value when one (non-zero) is given, else with 1.</li>
 * </ul>
 * Exit code 2 stays what it always is in Kensa (bad input); nothing stops a user choosing it for the gate, but the
 * default KEV code is 1 so that a KEV finding is never mistaken for a failed scan.
 *
 * @param exitCode  {@code --exit-code}, 0..255 (0: not given)
 * @param failOnKev {@code --fail-on-kev}
 */
public record Gate(int exitCode, boolean failOnKev) {
    /** The exit code {@code --fail-on-kev} uses when no {@code --exit-code} is given. */
    public static final int DEFAULT_KEV_EXIT_CODE = 1;
    private static final int LISTED = 5;

    public Gate {
        if (exitCode < 0 || exitCode > 255) {
            throw new KensaException("--exit-code must be between 0 and 255, not " + exitCode);
        }
    }

    /** What the gate says of the kept vulnerability findings. */
    public GateDecision decide(List<VulnerabilityFinding> kept) {
        return decide(kept, Map.of());
    }

    /**
     * What the gate says of the kept vulnerability findings and of the kept findings of the other scanners,
     * counted by kind ({@code secret}, {@code misconfiguration}, {@code license}, {@code malware}; kinds with 0 may be
     * left out). {@code --exit-code} fires on any of them.
     */
    public GateDecision decide(List<VulnerabilityFinding> kept, Map<String, Integer> others) {
        List<String> reasons = new ArrayList<>();
        int code = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!kept.isEmpty()) {
            counts.put("vulnerabilit" + (kept.size() == 1 ? "y" : "ies"), kept.size());
        }
        others.forEach((kind, n) -> {
            if (n > 0) {
                counts.put(n == 1 ? kind : kind + "s", n);
            }
        });
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (exitCode != 0 && total > 0) {
            code = exitCode;
            String what;
            if (counts.size() == 1 && !kept.isEmpty()) {
                what = total + (total == 1 ? " finding" : " findings");
            } else {
                List<String> parts = new ArrayList<>();
                counts.forEach((kind, n) -> parts.add(n + " " + kind));
                what = String.join(", ", parts);
            }
            reasons.add(what + (total == 1 ? " remains" : " remain") + " after the filters (--exit-code " + exitCode
                    + ")");
        }
        if (failOnKev) {
            Set<String> kev = new LinkedHashSet<>();
            for (VulnerabilityFinding f : kept) {
                if (f.isKev()) {
                    kev.add(f.id());
                }
            }
            if (!kev.isEmpty()) {
                code = exitCode != 0 ? exitCode : DEFAULT_KEV_EXIT_CODE;
                reasons.add(kev.size() + " known exploited (CISA KEV) "
                        + (kev.size() == 1 ? "vulnerability remains: " : "vulnerabilities remain: ") + listed(kev)
                        + " (--fail-on-kev)");
            }
        }
        return new GateDecision(code, reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    private static String listed(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        String shown = String.join(", ", all.subList(0, Math.min(LISTED, all.size())));
        return all.size() > LISTED ? shown + " and " + (all.size() - LISTED) + " more" : shown;
    }
}
