package io.kensa.db.feed.ubuntu;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityStatus;
import io.kensa.db.cvss.CvssVectors;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.VulnerabilityRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What one tracker file says, as database rows: one {@link AffectedPackage} per (release, source package) and one
 * {@link VulnerabilityRecord}.
 *
 * <p>Statuses: {@code released (<version>)} is fixed in that version; {@code needed}, {@code needs-triage},
 * {@code pending} and {@code active} are affected with no fix yet; {@code deferred} is deferred; {@code ignored} is
 * end of life when its note says the support ended ({@code end of life}, {@code end of standard support},
 * {@code end of kernel support}, {@code end of ESM support}), otherwise will-not-fix; {@code not-affected},
 * {@code DNE} and {@code N/A} give no row.
 *
 * <p>A release and its Ubuntu Pro pockets ({@link UbuntuReleases}) are one namespace, so their lines about one
 * package are folded into one row, the first of these that applies:
 * <ol>
 *   <li>the release itself says {@code not-affected}: no row (its code is not affected, whatever a pocket says);</li>
 *   <li>a line says {@code released}: fixed in that version, the release's own fix before a pocket's (a fix that
 *       only Ubuntu Pro ships is still a fix: the installed package is vulnerable below it);</li>
 *   <li>a line says affected ({@code needed}, {@code needs-triage}, {@code pending}, {@code active}): affected;</li>
 *   <li>a line says {@code deferred}: deferred;</li>
 *   <li>a pocket says {@code not-affected}: no row;</li>
 *   <li>a line says {@code ignored}: end of life or will-not-fix, the release's own note first;</li>
 *   <li>otherwise ({@code DNE} only): no row.</li>
 * </ol>
 * The row's severity is the package's own priority where the file gives one ({@code Priority_<pkg>}), else the
 * CVE's; {@code untriaged} is no severity.
 */
final class TrackerAdvisories {
    static final String FEED = "ubuntu-cve-tracker";

    private static final Set<String> AFFECTED = Set.of("needed", "needs-triage", "pending", "active");
    private static final Set<String> NO_ROW = Set.of("not-affected", "dne", "n/a", "-unlisted-");
    private static final Set<String> KNOWN = Set.of("released", "needed", "needs-triage", "pending", "active",
            "deferred", "ignored", "not-affected", "dne", "n/a", "-unlisted-");
    private static final Pattern SUPPORT_ENDED = Pattern.compile(
            "\\bend of (life|standard support|kernel support|esm support)\\b");
    /** A Debian version: digits first, then the characters dpkg allows. */
    private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~:-]*");

    private TrackerAdvisories() {
    }

    /** The rows of a file; {@code problem} receives what was wrong with single lines (which are then left out). */
    record Rows(List<AffectedPackage> packages, VulnerabilityRecord vulnerability) {
    }

    /** One line, resolved to its namespace. */
    private record Line(UbuntuReleases.Release release, TrackerCve.PackageStatus status) {
        String kind() {
            return status.status().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param unknownRelease receives each release name that is no known Ubuntu release (its lines are skipped)
     * @param problem        receives what is wrong with a line that is skipped
     */
    static Rows of(TrackerCve cve, Consumer<String> unknownRelease, Consumer<String> problem) {
        Severity cveSeverity = severity(cve.priority());
        Map<List<String>, List<Line>> byPackage = new LinkedHashMap<>();
        for (TrackerCve.PackageStatus s : cve.statuses()) {
            UbuntuReleases.Column column = UbuntuReleases.column(s.release());
            if (column instanceof UbuntuReleases.Unknown) {
                unknownRelease.accept(s.release());
                continue;
            }
            if (!(column instanceof UbuntuReleases.Release release)) {
                continue;
            }
            String kind = s.status().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(kind)) {
                problem.accept(s.release() + "_" + s.pkg() + ": unknown status '" + s.status() + "'");
                continue;
            }
            if (kind.equals("released") && (s.note() == null || !VERSION.matcher(s.note()).matches())) {
                problem.accept(s.release() + "_" + s.pkg() + ": released without a version"
                        + (s.note() == null ? "" : " ('" + s.note() + "')"));
                continue;
            }
            byPackage.computeIfAbsent(List.of(release.namespace(), s.pkg()), k -> new ArrayList<>())
                    .add(new Line(release, s));
        }
        List<AffectedPackage> rows = new ArrayList<>();
        for (Map.Entry<List<String>, List<Line>> e : byPackage.entrySet()) {
            List<Line> lines = new ArrayList<>(e.getValue());
            lines.sort(Comparator.comparingInt(l -> l.release().pocket()));
            fold(lines).ifPresent(chosen -> rows.add(row(cve, e.getKey().get(0), e.getKey().get(1), chosen,
                    cveSeverity)));
        }
        return new Rows(rows, vulnerability(cve, cveSeverity, problem));
    }

    /** The line that decides the row (see the class comment), empty for no row. */
    private static Optional<Line> fold(List<Line> lines) {
        Line own = lines.getFirst().release().pocket() == 0 ? lines.getFirst() : null;
        if (own != null && own.kind().equals("not-affected")) {
            return Optional.empty();
        }
        Optional<Line> released = first(lines, l -> l.kind().equals("released"));
        if (released.isPresent()) {
            return released;
        }
        Optional<Line> affected = first(lines, l -> AFFECTED.contains(l.kind()));
        if (affected.isPresent()) {
            return affected;
        }
        Optional<Line> deferred = first(lines, l -> l.kind().equals("deferred"));
        if (deferred.isPresent()) {
            return deferred;
        }
        if (first(lines, l -> l.kind().equals("not-affected")).isPresent()) {
            return Optional.empty();
        }
        return first(lines, l -> l.kind().equals("ignored"));
    }

    private static Optional<Line> first(List<Line> lines, Predicate<Line> p) {
        return lines.stream().filter(p).findFirst();
    }

    private static AffectedPackage row(TrackerCve cve, String namespace, String pkg, Line line, Severity cveSeverity) {
        TrackerCve.PackageStatus s = line.status();
        Severity severity = s.priority() != null ? severity(s.priority()) : cveSeverity;
        String kind = line.kind();
        if (kind.equals("released")) {
            return new AffectedPackage(namespace, pkg, cve.candidate(), FEED, List.of(AffectedRange.fixedIn(s.note())),
                    List.of(), null, severity);
        }
        VulnerabilityStatus status;
        if (NO_ROW.contains(kind)) {
            throw new IllegalStateException(kind); // fold never picks these
        } else if (kind.equals("deferred")) {
            status = VulnerabilityStatus.DEFERRED;
        } else if (kind.equals("ignored")) {
            status = s.note() != null && SUPPORT_ENDED.matcher(s.note().toLowerCase(Locale.ROOT)).find()
                    ? VulnerabilityStatus.END_OF_LIFE : VulnerabilityStatus.WILL_NOT_FIX;
        } else {
            status = VulnerabilityStatus.AFFECTED;
        }
        return new AffectedPackage(namespace, pkg, cve.candidate(), FEED, List.of(AffectedRange.allVersions()),
                List.of(), status, severity);
    }

    private static VulnerabilityRecord vulnerability(TrackerCve cve, Severity severity, Consumer<String> problem) {
        List<CvssScore> cvss = new ArrayList<>();
        for (Map.Entry<String, String> c : cve.cvss().entrySet()) {
            String vector = vector(c.getValue());
            Optional<CvssScore> score = CvssVectors.score(c.getKey(), vector);
            if (score.isPresent()) {
                cvss.add(score.get());
            } else {
                problem.accept("CVSS " + c.getKey() + ": not a CVSS vector '" + vector + "'");
            }
        }
        Set<String> urls = new LinkedHashSet<>();
        urls.add("https://ubuntu.com/security/" + cve.candidate());
        urls.addAll(cve.references());
        String description = cve.description() != null ? cve.description() : cve.ubuntuDescription();
        return new VulnerabilityRecord(cve.candidate(), FEED, "en", null, description, severity, cvss, List.of(),
                cve.publicDate(), null, List.copyOf(urls));
    }

    /** {@code CVSS:3.1/AV:N/… [9.8 CRITICAL]} without the score the tracker appends. */
    static String vector(String entry) {
        String v = entry.strip();
        int bracket = v.indexOf(" [");
        return bracket < 0 ? v : v.substring(0, bracket).strip();
    }

    /** Ubuntu's priority as a severity: negligible and low are LOW; untriaged or none is null. */
    static Severity severity(String priority) {
        if (priority == null) {
            return null;
        }
        Severity s = Severity.parse(priority);
        return s == Severity.UNKNOWN ? null : s;
    }
}
