package io.kensa.core.license;

import io.kensa.core.vuln.Severity;

/**
 * The license of one package, normalised and classified.
 *
 * @param purl        the package
 * @param packageName the package's name
 * @param license     an SPDX license expression, or {@code LicenseRef-…} / the declared text when no SPDX id fits
 * @param category    forbidden, restricted, reciprocal, notice, permissive, unencumbered or unknown
 * @param severity    what the policy makes of the category
 * @param layer       diffID of the layer that installed the package, may be null
 * @param path        where the license was read, may be null
 * @param policy      the policy decision: {@code fail} when the policy names the license or its category as failing
 *                    the build, {@code warn}, or {@code allow}
 */
public record LicenseFinding(String purl, String packageName, String license, String category, Severity severity,
                             String layer, String path, String policy) {
}
