package io.kensa.db.feed.osv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SUSE's OSV ecosystems, {@code SUSE:<product> <version>} and {@code openSUSE:<product> <version>}, mapped to a
 * release where the product is one:
 * <ul>
 *   <li>{@code openSUSE:Leap 15.6} is {@code opensuse-leap:15.6};</li>
 *   <li>every SUSE Linux Enterprise product and module of a service pack is that release of SLES, as Trivy keys it:
 *       {@code SUSE:Linux Enterprise Server 15 SP6}, {@code … Server 15 SP5-LTSS}, {@code … Server for SAP
 *       Applications 15 SP5}, {@code … Module for Basesystem 15 SP6}, {@code … High Performance Computing 15
 *       SP5-ESPOS} are {@code sles:15.6} or {@code sles:15.5} (an installation of SLES 15 SP6 is made of such
 *       modules; the LTSS and ESPOS streams continue the service pack); {@code … Server LTSS Extended Security 12
 *       SP5} is {@code sles:12.5}; a product without a service pack ({@code … Module for Public Cloud 12}) is
 *       {@code sles:12}.</li>
 * </ul>
 * Skipped (counted): SUSE Linux Enterprise Micro and openSUSE Leap Micro (other operating systems, with their own
 * releases and no namespace here), and products that are not an operating system release (SUSE Manager, SUSE
 * Enterprise Storage, the SUSE Manager modules, …).
 */
final class SuseProducts implements EcosystemMapping {
    private static final Pattern LEAP = Pattern.compile("openSUSE:Leap (\\d{1,2}\\.\\d{1,2})");
    private static final String SLE = "SUSE:Linux Enterprise ";
    /** A release, {@code 15 SP6} or {@code 16.0}, followed by the end or a stream suffix ({@code -LTSS}, {@code  LTSS EXTREME CORE}). */
    private static final Pattern RELEASE = Pattern.compile("(?<= )(\\d{1,2})(?: SP(\\d{1,2})|\\.(\\d{1,2}))?(?=$|[ -])");

    @Override
    public boolean owns(String ecosystem) {
        return ecosystem.startsWith("SUSE:") || ecosystem.startsWith("openSUSE:");
    }

    @Override
    public String namespace(String ecosystem) {
        Matcher leap = LEAP.matcher(ecosystem);
        if (leap.matches()) {
            return "opensuse-leap:" + leap.group(1);
        }
        if (!ecosystem.startsWith(SLE) || ecosystem.startsWith(SLE + "Micro") || ecosystem.startsWith(SLE + "Storage")
                || ecosystem.contains("Manager")) {
            return null;
        }
        String release = null;
        Matcher m = RELEASE.matcher(ecosystem.substring(SLE.length() - 1));
        while (m.find()) { // the last release-looking token: "Module for Python 3 15 SP6" is 15 SP6
            String minor = m.group(2) != null ? m.group(2) : m.group(3);
            release = minor == null ? m.group(1) : m.group(1) + "." + minor;
        }
        return release == null ? null : "sles:" + release;
    }
}
