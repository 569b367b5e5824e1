package io.kensa.db.feed.ubuntu;

import java.util.Map;
import java.util.Set;

/**
 * Where a release column of the tracker applies. A release codename is the namespace {@code ubuntu:<version>}; the
 * Ubuntu Pro (ESM) pockets of a release, {@code esm-infra/<codename>}, {@code esm-apps/<codename>},
 * {@code esm-infra-legacy/<codename>} and the older {@code <codename>/esm}, apply to the same release (an ESM
 * package is installed on the release itself). Everything else is skipped: {@code upstream}, {@code devel} and
 * {@code snap} are no installed release, and the other {@code x/y} columns ({@code fips/<codename>},
 * {@code fips-updates/…}, {@code ros-esm/…}, {@code realtime/…}, {@code <codename>/ubuntu-core} …) are builds for
 * other products whose versions an ordinary image does not carry (a FIPS fix version would flag a standard
 * package). A plain name that is no known codename is reported as unknown, so a new release is noticed.
 */
final class UbuntuReleases {
    /** Every Ubuntu release by codename. */
    static final Map<String, String> VERSIONS = Map.ofEntries(
            Map.entry("warty", "4.10"), Map.entry("hoary", "5.04"), Map.entry("breezy", "5.10"),
            Map.entry("dapper", "6.06"), Map.entry("edgy", "6.10"), Map.entry("feisty", "7.04"),
            Map.entry("gutsy", "7.10"), Map.entry("hardy", "8.04"), Map.entry("intrepid", "8.10"),
            Map.entry("jaunty", "9.04"), Map.entry("karmic", "9.10"), Map.entry("lucid", "10.04"),
            Map.entry("maverick", "10.10"), Map.entry("natty", "11.04"), Map.entry("oneiric", "11.10"),
            Map.entry("precise", "12.04"), Map.entry("quantal", "12.10"), Map.entry("raring", "13.04"),
            Map.entry("saucy", "13.10"), Map.entry("trusty", "14.04"), Map.entry("utopic", "14.10"),
            Map.entry("vivid", "15.04"), Map.entry("wily", "15.10"), Map.entry("xenial", "16.04"),
            Map.entry("yakkety", "16.10"), Map.entry("zesty", "17.04"), Map.entry("artful", "17.10"),
            Map.entry("bionic", "18.04"), Map.entry("cosmic", "18.10"), Map.entry("disco", "19.04"),
            Map.entry("eoan", "19.10"), Map.entry("focal", "20.04"), Map.entry("groovy", "20.10"),
            Map.entry("hirsute", "21.04"), Map.entry("impish", "21.10"), Map.entry("jammy", "22.04"),
            Map.entry("kinetic", "22.10"), Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"),
            Map.entry("noble", "24.04"), Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"),
            Map.entry("questing", "25.10"), Map.entry("resolute", "26.04"));

    /** Columns that are no installed release. */
    private static final Set<String> NOT_RELEASES = Set.of("upstream", "devel", "snap");

    private UbuntuReleases() {
    }

    /** What a release column means. */
    sealed interface Column permits Release, Skipped, Unknown {
    }

    /**
     * A column of a release.
     *
     * @param namespace {@code ubuntu:<version>}
     * @param pocket    0 for the release itself, then its ESM pockets in the order their fixed versions are
     *                  preferred: {@code <codename>/esm} 1, {@code esm-infra} 2, {@code esm-infra-legacy} 3,
     *                  {@code esm-apps} 4, any other {@code esm-*} 5
     */
    record Release(String namespace, int pocket) implements Column {
    }

    /** A column that is no installed release, or another product's build. */
    record Skipped() implements Column {
    }

    /** A plain name that is no known codename. */
    record Unknown() implements Column {
    }

    static Column column(String release) {
        if (NOT_RELEASES.contains(release)) {
            return new Skipped();
        }
        int slash = release.indexOf('/');
        if (slash < 0) {
            String v = VERSIONS.get(release);
            return v == null ? new Unknown() : new Release("ubuntu:" + v, 0);
        }
        String first = release.substring(0, slash);
        String second = release.substring(slash + 1);
        if (second.equals("esm") && VERSIONS.containsKey(first)) {
            return new Release("ubuntu:" + VERSIONS.get(first), 1);
        }
        if (first.startsWith("esm-") && VERSIONS.containsKey(second)) {
            int pocket = switch (first) {
                case "esm-infra" -> 2;
                case "esm-infra-legacy" -> 3;
                case "esm-apps" -> 4;
                default -> 5;
            };
            return new Release("ubuntu:" + VERSIONS.get(second), pocket);
        }
        return new Skipped();
    }
}
