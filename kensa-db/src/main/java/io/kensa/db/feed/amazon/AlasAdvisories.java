package io.kensa.db.feed.amazon;

import io.kensa.core.vuln.Severity;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.VulnerabilityRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ALAS as database rows.
 *
 * <ul>
 *   <li>The namespace comes from the id: {@code ALAS2023-} is {@code amazon:2023}, {@code ALAS2022-}
 *       {@code amazon:2022}, {@code ALAS2-} {@code amazon:2}, {@code ALAS-} {@code amazon:1}. Advisories of the
 *       extras repositories ({@code ALAS2DOCKER-}, {@code ALASKERNEL-5.10-} …) are not read: their packages replace
 *       core ones (another kernel line), so their fixed versions would flag the core packages.</li>
 *   <li>Each CVE the advisory lists is one vulnerability: one row per CVE and per distinct (binary package name,
 *       fixed version) of the package list, fixed in {@code [epoch:]version-release}, with the advisory's severity.
 *       The CVEs are not stored as aliases of the ALAS id: an ALAS bundles several distinct CVEs (aliases would make
 *       them one), and that is how Trivy reports Amazon findings (by CVE, the ALAS as a vendor reference). An ALAS
 *       listing no CVE gives rows under its own id.</li>
 *   <li>Rows are keyed by the <em>binary</em> package name as the package list gives it (the list names no source
 *       package), so Amazon packages are matched by their own name, not their SOURCERPM.</li>
 *   <li>A {@link VulnerabilityRecord} for the ALAS (title, severity, dates, its page and references); and one per
 *       CVE ({@link CveSummaries}) with its paragraph of the ALAS description, the highest severity an ALAS gave it
 *       and the pages of the ALAS that list it.</li>
 * </ul>
 */
final class AlasAdvisories {
    static final String FEED = "amazon-alas";

    private static final Pattern ID = Pattern.compile("ALAS(2023|2022|2)?-(\\d{4}-\\d+)");
    /** The tokens rpm allows in a name, version and release. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+.~^-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_+.~^]+");
    private static final Pattern EPOCH = Pattern.compile("\\d{1,9}");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private AlasAdvisories() {
    }

    /** @param cves the CVE ids the rows are for (empty when they are under the ALAS id) */
    record Rows(String namespace, List<String> cves, List<AffectedPackage> packages, VulnerabilityRecord advisory) {
    }

    /** The namespace of an ALAS id; null for an id of no core repository. */
    static String namespace(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "amazon:1" : "amazon:" + m.group(1);
    }

    /** The ALAS's page on alas.aws.amazon.com ({@code AL2023/ALAS-2024-463.html} for ALAS2023-2024-463). */
    static String page(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return null;
        }
        String folder = m.group(1) == null ? "" : "AL" + m.group(1) + "/";
        return "https://alas.aws.amazon.com/" + folder + "ALAS-" + m.group(2) + ".html";
    }

    /**
     * The rows of {@code alas}.
     *
     * @param problem receives what was wrong with a package of the list (it is then left out)
     * @throws IllegalArgumentException when the advisory as a whole cannot be used
     */
    static Rows of(Alas alas, Consumer<String> problem) {
        String namespace = namespace(alas.id());
        if (namespace == null) {
            throw new IllegalArgumentException("'" + alas.id() + "' is not an ALAS id of an Amazon Linux core"
                    + " repository (ALAS-, ALAS2-, ALAS2022-, ALAS2023-)");
        }
        Severity severity = severity(alas.severity());
        Map<String, Set<String>> fixed = new LinkedHashMap<>(); // name -> fixed versions
        for (Alas.Package p : alas.packages()) {
            String why = invalid(p);
            if (why != null) {
                problem.accept(why);
                continue;
            }
            fixed.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(p.evr());
        }
        if (fixed.isEmpty()) {
            throw new IllegalArgumentException("no usable package in the package list");
        }
        List<String> ids = new ArrayList<>();
        for (String cve : alas.cves()) {
            if (CVE.matcher(cve).matches()) {
                ids.add(cve);
            } else {
                problem.accept("reference '" + cve + "' of type cve is not a CVE id");
            }
        }
        List<String> cves = List.copyOf(ids);
        if (ids.isEmpty()) {
            ids.add(alas.id());
        }
        List<AffectedPackage> rows = new ArrayList<>();
        for (String id : ids) {
            for (Map.Entry<String, Set<String>> e : fixed.entrySet()) {
                for (String version : e.getValue()) {
                    rows.add(new AffectedPackage(namespace, e.getKey(), id, FEED,
                            List.of(AffectedRange.fixedIn(version)), List.of(), null, severity));
                }
            }
        }
        Set<String> urls = new LinkedHashSet<>();
        urls.add(page(alas.id()));
        urls.addAll(alas.urls());
        VulnerabilityRecord advisory = new VulnerabilityRecord(alas.id(), FEED, "en", alas.title(),
                alas.description(), severity, List.of(), List.of(), alas.issued(), alas.updated(), List.copyOf(urls));
        return new Rows(namespace, cves, rows, advisory);
    }

    private static String invalid(Alas.Package p) {
        if (p.name() == null || !NAME.matcher(p.name()).matches()) {
            return "package without a valid name ('" + p.name() + "')";
        }
        if (p.version() == null || !VERSION.matcher(p.version()).matches()
                || p.release() == null || !VERSION.matcher(p.release()).matches()) {
            return "package " + p.name() + " without a valid version and release ('" + p.version() + "', '"
                    + p.release() + "')";
        }
        if (p.epoch() != null && !p.epoch().isBlank() && !EPOCH.matcher(p.epoch().strip()).matches()) {
            return "package " + p.name() + " with epoch '" + p.epoch() + "'";
        }
        return null;
    }

    /** Amazon's severity: critical, important (HIGH), medium, low; anything else is none. */
    static Severity severity(String s) {
        Severity v = Severity.parse(s);
        return v == Severity.UNKNOWN ? null : v;
    }

    /** The newest of an advisory's dates, null when it has none. */
    static Instant newest(Alas alas) {
        if (alas.updated() == null) {
            return alas.issued();
        }
        return alas.issued() == null || alas.updated().isAfter(alas.issued()) ? alas.updated() : alas.issued();
    }
}
