/** The CycloneDX 1.6 JSON reporter ({@code --format cyclonedx}), built with cyclonedx-core-java. */
package io.kensa.report.cyclonedx;
