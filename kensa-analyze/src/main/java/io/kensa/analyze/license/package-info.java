/**
 * The license scanner.
 * <ul>
 *   <li>{@link io.kensa.analyze.license.SpdxLicenses}: declared licenses (ids, names, URLs, compound declarations)
 *       to SPDX expressions, over the SPDX License List bundled in the SPDX library's jar
 *       ({@link io.kensa.analyze.license.SpdxLicenseList});</li>
 *   <li>{@link io.kensa.analyze.license.LicenseTextClassifier}: the licenses a text holds (LICENSE files,
 *       Debian copyright files that are not machine-readable);</li>
 *   <li>{@link io.kensa.analyze.license.LicenseCategories}: Google's categories, from {@code license-categories.tsv};
 *   </li>
 *   <li>{@link io.kensa.analyze.license.LicensePolicy}: severities and fail/warn/allow decisions, Trivy's defaults
 *       or a YAML file;</li>
 *   <li>{@link io.kensa.analyze.license.LicenseDetector}: the {@link io.kensa.analyze.scan.Detector} that writes the
 *       normalised licenses into the report's packages and adds one
 *       {@link io.kensa.core.license.LicenseFinding} per package.</li>
 * </ul>
 * The declared licenses themselves are read by the package analyzers; Debian's by
 * {@link io.kensa.analyze.pkg.dpkg.DpkgCopyrightAnalyzer}, attached to the deb packages when the inventory is built.
 */
package io.kensa.analyze.license;
