package io.kensa.report.vuln;

import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;

/**
 * One line saying what to do about a finding: the upgrade when a fixed version exists, else where the fix stands as
 * the publisher says ({@link VulnerabilityStatus}).
 */
public final class Remediation {
    private Remediation() {
    }

    public static String of(VulnerabilityFinding f) {
        String name = f.pkg().name();
        if (f.fixedVersions().size() == 1) {
            return "Upgrade " + name + " to " + f.fixedVersion() + " or later.";
        }
        if (f.fixedVersions().size() > 1) {
            return "Upgrade " + name + " to one of " + String.join(", ", f.fixedVersions()) + " (or later on the same line).";
        }
        VulnerabilityStatus status = f.status();
        if (status == null) {
            return "No fixed version is known.";
        }
        return switch (status) {
            case FIXED -> "The publisher lists a fix but no fixed version.";
            case AFFECTED -> "No fixed version yet.";
            case WILL_NOT_FIX -> "The vendor will not fix this in " + name + ".";
            case END_OF_LIFE -> "No fix will come: the distribution release is out of support.";
            case DEFERRED -> "The vendor has deferred the fix.";
        };
    }
}
