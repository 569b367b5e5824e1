package io.kensa.match.vex;

import java.util.Locale;

/**
 * The status a VEX statement gives a vulnerability in a product, in OpenVEX's words; CycloneDX analysis states and
 * CSAF product statuses are mapped onto these four.
 */
public enum VexStatus {
    /** Not affected: suppresses the finding. */
    NOT_AFFECTED,
    /** Fixed in this product version: suppresses the finding. */
    FIXED,
    /** Affected: the finding stays. */
    AFFECTED,
    /** Not yet known: the finding stays. */
    UNDER_INVESTIGATION;

    /** Whether a finding this statement applies to is taken out ({@code not_affected} and {@code fixed}). */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }

    /** The OpenVEX spelling: {@code not_affected}, {@code fixed} … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An OpenVEX status, or null when {@code s} names none. */
    public static VexStatus parseOpenVex(String s) {
        if (s == null) {
            return null;
        }
        for (VexStatus v : values()) {
            if (v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
