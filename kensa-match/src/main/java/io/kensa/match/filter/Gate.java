package io.kensa.match.filter;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** What the gate says of the kept findings. */
    public GateDecision decide(List<VulnerabilityFinding> kept) {
        List<String> reasons = new ArrayList<>();
        int code = 0;
        if (exitCode != 0 && !kept.isEmpty()) {
            code = exitCode;
            reasons.add(kept.size() + (kept.size() == 1 ? " finding remains" : " findings remain")
                    + " after the filters (--exit-code " + exitCode + ")");
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
