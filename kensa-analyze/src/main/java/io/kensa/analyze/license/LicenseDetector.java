package io.kensa.analyze.license;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.inventory.VisibleFile;
import io.kensa.analyze.pkg.dpkg.DpkgCopyrights;
import io.kensa.analyze.scan.Detector;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.license.LicenseFinding;
import io.kensa.image.oci.ImageConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The license scanner: every package's declared licenses normalised to SPDX expressions ({@link SpdxLicenses}),
 * written back into the report's packages, and one {@link LicenseFinding} per package with its category
 * ({@link LicenseCategories}) and what the {@link LicensePolicy} makes of it.
 * <ul>
 *   <li>A package's several declarations join as its ecosystem means them: Maven ({@code <licenses>}: "the user
 *       can select any of them"), npm (the legacy {@code licenses} array) and Composer (a license array is
 *       disjunctive) by {@code OR}; every other ecosystem by {@code AND}: a Debian copyright file lists the licenses
 *       of different files, and where the meaning is not documented (gems, Python classifiers) the stricter reading
 *       is kept.</li>
 *   <li>A package that declares no license gets a finding too, {@code NOASSERTION} (SPDX's "no information"),
 *       category unknown: a license policy cannot clear a package nobody knows the license of, and hiding it would
 *       make an image with unreadable metadata look compliant. Its severity is the policy's for unknown
 *       (UNKNOWN by default), which {@code --severity} filters like any other.</li>
 *   <li>Language packages whose metadata an OS package owns ({@code ownedBy}) get no finding of their own: the OS
 *       package's finding covers them, as the vulnerability matcher treats them as the OS package too. Packages the
 *       policy ignores get none either. Their licenses are normalised all the same.</li>
 * </ul>
 */
public final class LicenseDetector implements Detector {
    /** The license of a package that declares none. */
    public static final String NO_ASSERTION = "NOASSERTION";
    private static final Set<String> DISJUNCTIVE = Set.of("maven", "npm", "composer");

    private final LicensePolicy policy;
    private final SpdxLicenses licenses;
    private final LicenseCategories categories;

    public LicenseDetector(LicensePolicy policy) {
        this(policy, SpdxLicenses.bundled(), LicenseCategories.bundled());
    }

    LicenseDetector(LicensePolicy policy, SpdxLicenses licenses, LicenseCategories categories) {
        this.policy = policy;
        this.licenses = licenses;
        this.categories = categories;
    }

    @Override
    public ScanReport apply(ScanReport report, Inventory inventory, ImageConfig config) {
        Map<String, List<FileResult>> files = new HashMap<>();
        for (VisibleFile f : inventory.files()) {
            files.put(f.path(), f.results());
        }
        Function<String, List<FileResult>> resultsAt = path -> files.getOrDefault(path, List.of());
        List<Package> packages = new ArrayList<>(report.packages().size());
        List<LicenseFinding> findings = new ArrayList<>();
        for (Package p : report.packages()) {
            List<LicenseExpression> parsed = parse(p.licenses());
            Package normalised = p.withLicenses(parsed.stream().map(LicenseExpression::toString).toList());
            packages.add(normalised);
            if (p.ownedBy() != null || policy.ignores(p.purl())) {
                continue;
            }
            findings.add(finding(normalised, parsed, report.packages(), resultsAt));
        }
        return report.withPackages(packages).withLicenses(findings);
    }

    private List<LicenseExpression> parse(List<String> declared) {
        Set<LicenseExpression> out = new LinkedHashSet<>();
        for (String d : declared) {
            licenses.parse(d).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private LicenseFinding finding(Package p, List<LicenseExpression> parsed, List<Package> all,
                                   Function<String, List<FileResult>> resultsAt) {
        String path = p.paths().isEmpty() ? null : p.paths().getFirst();
        if (p.type().equals("deb")) {
            Optional<DpkgCopyrights.Found> copyright = DpkgCopyrights.find(p, all, resultsAt);
            if (copyright.isPresent()) {
                path = copyright.get().path();
            }
        }
        if (parsed.isEmpty()) {
            LicenseCategory unknown = LicenseCategory.UNKNOWN;
            LicensePolicy.Outcome outcome = policy.decide(new LicenseExpression.License(NO_ASSERTION));
            return new LicenseFinding(p.purl(), p.name(), NO_ASSERTION, unknown.label(), outcome.severity(),
                    p.layer(), path, outcome.decision().label());
        }
        LicenseExpression combined = DISJUNCTIVE.contains(p.type()) ? LicenseExpression.or(parsed)
                : LicenseExpression.and(parsed);
        LicensePolicy.Outcome outcome = policy.decide(combined);
        return new LicenseFinding(p.purl(), p.name(), combined.toString(), categories.of(combined).label(),
                outcome.severity(), p.layer(), path, outcome.decision().label());
    }
}
