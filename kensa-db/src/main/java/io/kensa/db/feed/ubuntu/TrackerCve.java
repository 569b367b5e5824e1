package io.kensa.db.feed.ubuntu;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One file of the Ubuntu CVE Tracker ({@code active/CVE-YYYY-NNNN}), whichever form it was read from.
 *
 * @param candidate         the CVE id ({@code Candidate:})
 * @param description       MITRE's description ({@code Description:}), may be null
 * @param ubuntuDescription Ubuntu's own text ({@code Ubuntu-Description:}), may be null
 * @param priority          the CVE's priority as written ({@code negligible} … {@code critical}, {@code untriaged}),
 *                          may be null
 * @param publicDate        {@code PublicDate:}, may be null
 * @param references        {@code References:}
 * @param cvss              {@code CVSS:} vectors by who scored them ({@code nvd} …)
 * @param statuses          the {@code <release>_<source package>: <status> (<note>)} lines
 */
record TrackerCve(String candidate, String description, String ubuntuDescription, String priority,
                  Instant publicDate, List<String> references, Map<String, String> cvss,
                  List<PackageStatus> statuses) {

    TrackerCve {
        references = List.copyOf(references);
        cvss = Map.copyOf(cvss);
        statuses = List.copyOf(statuses);
    }

    /**
     * One {@code <release>_<package>: <status> (<note>)} line.
     *
     * @param release  as written: {@code jammy}, {@code esm-infra/bionic}, {@code trusty/esm}, {@code upstream} …
     * @param pkg      the source package
     * @param status   {@code released}, {@code needed}, {@code DNE} …
     * @param note     the text in parentheses (the fixed version for {@code released}), null when none
     * @param priority the package's own priority for this release ({@code Priority_<pkg>[_<release>]:}), null when
     *                 it has the CVE's
     */
    record PackageStatus(String release, String pkg, String status, String note, String priority) {
    }
}
