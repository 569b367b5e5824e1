package io.kensa.report.findings;

import io.kensa.core.license.LicenseFinding;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order every report lists the findings of the other scanners in: most severe first (a missing severity counts
 * as {@link Severity#UNKNOWN}), then by where they are, so the order is total and the same in every format.
 * <ul>
 *   <li>secrets: severity, path, line, rule, layer;</li>
 *   <li>misconfigurations: severity, check id, path, line, layer;</li>
 *   <li>licenses: severity, policy ({@code fail} before {@code warn} before {@code allow}), category, package
 *       name, purl, license;</li>
 *   <li>malware: severity, path, layer, engine, signature.</li>
 * </ul>
 */
public final class FindingOrders {
    private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());

    public static final Comparator<SecretFinding> SECRETS = Comparator
            .comparing((SecretFinding s) -> severity(s.severity()), Comparator.reverseOrder())
            .thenComparing(SecretFinding::path, TEXT)
            .thenComparingInt(SecretFinding::line)
            .thenComparing(SecretFinding::ruleId, TEXT)
            .thenComparing(SecretFinding::layer, TEXT);

    public static final Comparator<MisconfigFinding> MISCONFIGURATIONS = Comparator
            .comparing((MisconfigFinding m) -> severity(m.severity()), Comparator.reverseOrder())
            .thenComparing(MisconfigFinding::id, TEXT)
            .thenComparing(MisconfigFinding::path, TEXT)
            .thenComparingInt(MisconfigFinding::line)
            .thenComparing(MisconfigFinding::layer, TEXT);

    public static final Comparator<LicenseFinding> LICENSES = Comparator
            .comparing((LicenseFinding l) -> severity(l.severity()), Comparator.reverseOrder())
            .thenComparingInt(l -> policyRank(l.policy()))
            .thenComparing(LicenseFinding::category, TEXT)
            .thenComparing(LicenseFinding::packageName, TEXT)
            .thenComparing(LicenseFinding::purl, TEXT)
            .thenComparing(LicenseFinding::license, TEXT);

    public static final Comparator<MalwareFinding> MALWARE = Comparator
            .comparing((MalwareFinding m) -> severity(m.severity()), Comparator.reverseOrder())
            .thenComparing(MalwareFinding::path, TEXT)
            .thenComparing(MalwareFinding::layer, TEXT)
            .thenComparing(MalwareFinding::engine, TEXT)
            .thenComparing(MalwareFinding::signature, TEXT);

    private FindingOrders() {
    }

    /** {@code s}, or {@link Severity#UNKNOWN} when it is missing. */
    public static Severity severity(Severity s) {
        return s == null ? Severity.UNKNOWN : s;
    }

    /** A license policy decision's rank: {@code fail} first, then {@code warn}, then anything else, then {@code allow}. */
    public static int policyRank(String policy) {
        return switch (policy == null ? "" : policy.toLowerCase(Locale.ROOT)) {
            case "fail" -> 0;
            case "warn" -> 1;
            case "allow" -> 3;
            default -> 2;
        };
    }
}
