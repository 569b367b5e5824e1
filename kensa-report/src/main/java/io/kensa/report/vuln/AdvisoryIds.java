package io.kensa.report.vuln;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of identifier a vulnerability id is ({@code CVE-…} → {@code cve}, {@code GHSA-…} → {@code ghsa},
 * {@code DSA-…} → {@code dsa} …) and the page that describes it: NVD for CVEs, the GitHub Advisory Database for
 * GHSAs, osv.dev for the other ids osv.dev publishes; none for the rest.
 */
public final class AdvisoryIds {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern GHSA = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
    /** Id prefixes of the advisories osv.dev serves pages for. */
    private static final Set<String> OSV_PREFIXES = Set.of("PYSEC", "GO", "RUSTSEC", "DSA", "DLA", "DTSA", "USN",
            "UBUNTU", "RHSA", "RHBA", "RHEA", "SUSE", "OPENSUSE", "MAL", "OSV", "GSD", "ALSA", "ALBA", "ALEA", "RLSA",
            "BIT", "CGA", "MGASA", "PSF", "CURL", "HSEC");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,127}");

    private AdvisoryIds() {
    }

    /** The identifier type, lower case: {@code cve}, {@code ghsa}, {@code dsa}, {@code rustsec} … */
    public static String type(String id) {
        if (id == null || id.isBlank()) {
            return "unknown";
        }
        int dash = id.indexOf('-');
        String prefix = dash > 0 ? id.substring(0, dash) : id;
        return prefix.toLowerCase(Locale.ROOT);
    }

    /** The page describing {@code id}, when one is known. */
    public static Optional<String> url(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        if (CVE.matcher(id).matches()) {
            return Optional.of("https://nvd.nist.gov/vuln/detail/" + id);
        }
        if (GHSA.matcher(id).matches()) {
            return Optional.of("https://github.com/advisories/" + id);
        }
        if (OSV_PREFIXES.contains(type(id).toUpperCase(Locale.ROOT))) {
            return Optional.of("https://osv.dev/vulnerability/" + id);
        }
        return Optional.empty();
    }
}
