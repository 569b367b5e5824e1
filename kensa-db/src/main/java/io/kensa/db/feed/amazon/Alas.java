package io.kensa.db.feed.amazon;

import java.time.Instant;
import java.util.List;

/**
 * One Amazon Linux Security Advisory as the repository's {@code updateinfo.xml} carries it ({@code <update>}),
 * whichever form it was read from.
 *
 * @param id          {@code ALAS2023-2024-463}, {@code ALAS2-2023-2029}, {@code ALAS-2023-1234}
 * @param title       {@code <title>}
 * @param severity    {@code <severity>} as written ({@code critical}, {@code important}, {@code medium},
 *                    {@code low}), may be null
 * @param issued      {@code <issued date>}, may be null
 * @param updated     {@code <updated date>}, may be null
 * @param description {@code <description>}: for each CVE, its id on a line then its text
 * @param cves        the ids of the {@code <reference type="cve">} elements, in order, without repeats
 * @param urls        the {@code href} of every reference
 * @param packages    {@code <pkglist><collection><package>}: the binary packages of the update, per architecture
 */
record Alas(String id, String title, String severity, Instant issued, Instant updated, String description,
            List<String> cves, List<String> urls, List<Package> packages) {

    Alas {
        cves = List.copyOf(cves);
        urls = List.copyOf(urls);
        packages = List.copyOf(packages);
    }

    /** A {@code <package name epoch version release arch>} of the package list. */
    record Package(String name, String epoch, String version, String release, String arch) {

        /**
         * The version as rpm and Kensa write it, {@code [epoch:]version-release}, the epoch only when it is not 0.
         */
        String evr() {
            boolean noEpoch = epoch == null || epoch.isBlank() || epoch.strip().equals("0");
            return (noEpoch ? "" : epoch.strip() + ":") + version + "-" + release;
        }
    }
}
