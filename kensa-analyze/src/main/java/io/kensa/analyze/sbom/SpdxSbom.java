package io.kensa.analyze.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SPDX 2.x JSON document: every package with a {@code purl} external reference, the package whose primary
 * purpose is {@code OPERATING_SYSTEM} as the OS (the spelling of the SPDX 2.3 JSON schema, which Kensa writes;
 * Trivy writes {@code OPERATING-SYSTEM}, the spec's tag-value spelling), and the source package from {@code sourceInfo}
 * ({@code built package from: openssl 3.0.11-1~deb12u2}, as Trivy and Kensa write it).
 */
final class SpdxSbom {
    private static final Pattern BUILT_FROM = Pattern.compile("built package from:\\s*(\\S+)(?:\\s+(\\S+))?");

    private SpdxSbom() {
    }

    static SbomInventory read(JsonNode root, Path file) {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        OsInfo os = null;
        int skipped = 0;
        OsInfo distro = null;
        for (JsonNode p : root.path("packages")) {
            String purpose = p.path("primaryPackagePurpose").asText("");
            boolean operatingSystem = purpose.equals("OPERATING_SYSTEM") || purpose.equals("OPERATING-SYSTEM");
            if (operatingSystem && os == null) {
                os = new OsInfo(p.path("name").asText("").toLowerCase(Locale.ROOT), p.path("versionInfo").asText(""),
                        null);
                continue;
            }
            String purl = purl(p);
            if (purl == null) {
                if (!purpose.equals("CONTAINER") && !purpose.equals("APPLICATION") && !purpose.equals("FILE")) {
                    skipped++;
                }
                continue;
            }
            if (distro == null) {
                distro = SbomOs.fromPurl(purl);
            }
            String srcName = null;
            String srcVersion = null;
            Matcher m = BUILT_FROM.matcher(p.path("sourceInfo").asText(""));
            if (m.find()) {
                srcName = m.group(1);
                srcVersion = m.group(2);
            }
            List<String> licenses = new ArrayList<>();
            String declared = p.path("licenseDeclared").asText("");
            if (!declared.isBlank() && !declared.equals("NONE") && !declared.equals("NOASSERTION")) {
                licenses.add(declared);
            }
            PurlPackages.fromPurl(purl, licenses, new PurlPackages.Hints(srcName, srcVersion, null, null, null))
                    .ifPresentOrElse(packages::add, () -> { });
        }
        if (skipped > 0) {
            warnings.add(file.getFileName() + ": " + skipped + " packages without a purl skipped");
        }
        if (os == null) {
            os = distro;
        }
        return new SbomInventory("spdx", root.path("name").asText(null), os, packages, warnings);
    }

    private static String purl(JsonNode p) {
        for (JsonNode ref : p.path("externalRefs")) {
            if ("purl".equals(ref.path("referenceType").asText())) {
                return ref.path("referenceLocator").asText(null);
            }
        }
        return null;
    }
}
