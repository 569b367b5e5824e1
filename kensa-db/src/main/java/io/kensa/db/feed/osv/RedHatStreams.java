package io.kensa.db.feed.osv;

import java.util.regex.Pattern;

/**
 * Red Hat's OSV ecosystems, {@code Red Hat:<product>:<version>[::<repository>]}, mapped to a RHEL release
 * ({@code redhat:<major>}) only for the streams whose fixes apply to every installation of that release:
 * <ul>
 *   <li>{@code enterprise_linux:<major>} with any repository ({@code ::baseos}, {@code ::appstream},
 *       {@code ::crb}, RHEL 7's {@code ::server} …): the release's main line;</li>
 *   <li>{@code rhel_els:<major>}: Extended Life-cycle Support, the main line's only continuation once a release is
 *       out of maintenance (RHEL 6 and 7), built from the same packages at higher versions.</li>
 * </ul>
 * Skipped (counted): the minor-release streams {@code rhel_eus}, {@code rhel_aus}, {@code rhel_tus},
 * {@code rhel_e4s} (their fixes are backports to a frozen minor release whose versions sort below the main line's:
 * taken into {@code redhat:9} they would make a main-line package look fixed that is not), the add-on channels
 * ({@code rhel_extras*}) and every layered product (JBoss EAP, Satellite, OpenShift, certificate_system,
 * openjdk_els …), whose packages are not RHEL's. This is how Grype keys RHEL data too: the main
 * {@code enterprise_linux} product per major release, EUS kept apart.
 */
final class RedHatStreams implements EcosystemMapping {
    private static final Pattern RHEL = Pattern.compile("Red Hat:(?:enterprise_linux|rhel_els):(\\d{1,2})(?:::.*)?");

    @Override
    public boolean owns(String ecosystem) {
        return ecosystem.startsWith("Red Hat:") || ecosystem.equals("Red Hat");
    }

    @Override
    public String namespace(String ecosystem) {
        var m = RHEL.matcher(ecosystem);
        return m.matches() ? "redhat:" + m.group(1) : null;
    }
}
