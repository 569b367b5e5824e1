package io.kensa.analyze.license;

import java.util.Locale;
import java.util.Optional;

/**
 * Google's license categories (as Trivy uses them), from the most restrictive to the least; {@link #UNKNOWN} for a
 * license none of them names.
 */
public enum LicenseCategory {
    /** Not to be used at all (AGPL, non-commercial Creative Commons, WTFPL …). */
    FORBIDDEN,
    /** Shipping the code obliges to publish the source of the product (GPL, LGPL …). */
    RESTRICTED,
    /** Modifications of the code itself must be published (MPL, EPL, CDDL …). */
    RECIPROCAL,
    /** Few restrictions, but the copyright notice must be kept (MIT, BSD, Apache …). */
    NOTICE,
    /** Even more lenient than notice: not even the notice is required. */
    PERMISSIVE,
    /** Free for any use (public domain, CC0, Unlicense, 0BSD). */
    UNENCUMBERED,
    /** None of the above knows the license. */
    UNKNOWN;

    /** The lower-case name used in reports and policy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of this label, in any letter case. */
    public static Optional<LicenseCategory> parse(String label) {
        for (LicenseCategory c : values()) {
            if (c.name().equalsIgnoreCase(label.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether this restricts more than {@code other}; {@link #UNKNOWN} restricts less than every known category. */
    boolean moreRestrictiveThan(LicenseCategory other) {
        return rank() > other.rank();
    }

    private int rank() {
        return this == UNKNOWN ? -1 : values().length - ordinal();
    }
}
