/**
 * Helpers shared by the SBOM reporters (CycloneDX and SPDX): how the inventory nests under the scanned artifact,
 * which license strings are valid SPDX expressions, and the artifact's own package URL. Nothing here computes
 * findings; it only decides how the contents of a {@link io.kensa.core.ScanReport} are laid out.
 */
package io.kensa.report.sbom;
