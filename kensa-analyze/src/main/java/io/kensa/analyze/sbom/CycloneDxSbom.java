package io.kensa.analyze.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CycloneDX JSON BOM: every component with a purl (nested components too), the {@code operating-system}
 * component as the OS, and the source package, layer and path from the properties Trivy
 * ({@code aquasecurity:trivy:*}) and Kensa ({@code kensa:*}) write.
 */
final class CycloneDxSbom {
    private static final int MAX_COMPONENTS = 1_000_000;

    private CycloneDxSbom() {
    }

    static SbomInventory read(JsonNode root, Path file) {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        OsInfo[] os = {null};
        int[] skipped = {0};
        OsInfo[] distro = {null};
        walk(root.path("components"), packages, os, distro, skipped);
        if (skipped[0] > 0) {
            warnings.add(file.getFileName() + ": " + skipped[0] + " components without a usable purl skipped");
        }
        String name = root.path("metadata").path("component").path("name").asText(null);
        if (os[0] == null) {
            os[0] = distro[0];
        }
        return new SbomInventory("cyclonedx", name, os[0], packages, warnings);
    }

    private static void walk(JsonNode components, List<Package> out, OsInfo[] os, OsInfo[] distro, int[] skipped) {
        for (JsonNode c : components) {
            if (out.size() >= MAX_COMPONENTS) {
                return;
            }
            String type = c.path("type").asText("");
            if (type.equals("operating-system") && os[0] == null) {
                os[0] = new OsInfo(c.path("name").asText("").toLowerCase(Locale.ROOT), c.path("version").asText(""),
                        null);
            }
            String purl = c.path("purl").asText(null);
            if (purl != null) {
                if (distro[0] == null) {
                    distro[0] = SbomOs.fromPurl(purl);
                }
                Map<String, String> props = properties(c);
                List<String> licenses = licenses(c);
                PurlPackages.Hints hints = new PurlPackages.Hints(
                        first(props, "aquasecurity:trivy:SrcName", "kensa:package:srcName"),
                        sourceVersion(props),
                        first(props, "aquasecurity:trivy:LayerDiffID", "kensa:layer:diffID"),
                        first(props, "aquasecurity:trivy:FilePath", "kensa:package:path"),
                        first(props, "kensa:package:ownedBy"));
                PurlPackages.fromPurl(purl, licenses, hints).ifPresentOrElse(out::add, () -> skipped[0]++);
            } else if (!type.equals("operating-system") && !type.equals("container")
                    && !type.equals("application") && !type.equals("file")) {
                skipped[0]++;
            }
            walk(c.path("components"), out, os, distro, skipped);
        }
    }

    /** Trivy splits an rpm source version into SrcEpoch, SrcVersion and SrcRelease; dpkg's SrcVersion is whole. */
    private static String sourceVersion(Map<String, String> props) {
        String kensa = props.get("kensa:package:srcVersion");
        if (kensa != null) {
            return kensa;
        }
        String v = props.get("aquasecurity:trivy:SrcVersion");
        if (v == null) {
            return null;
        }
        String release = props.get("aquasecurity:trivy:SrcRelease");
        String epoch = props.get("aquasecurity:trivy:SrcEpoch");
        return (epoch != null && !epoch.equals("0") ? epoch + ":" : "") + v
                + (release != null && !release.isEmpty() ? "-" + release : "");
    }

    private static Map<String, String> properties(JsonNode c) {
        Map<String, String> props = new HashMap<>();
        for (JsonNode p : c.path("properties")) {
            props.putIfAbsent(p.path("name").asText(), p.path("value").asText());
        }
        return props;
    }

    private static String first(Map<String, String> props, String... names) {
        for (String n : names) {
            String v = props.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static List<String> licenses(JsonNode c) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : c.path("licenses")) {
            String v = l.path("license").path("id").asText(null);
            if (v == null) {
                v = l.path("license").path("name").asText(null);
            }
            if (v == null) {
                v = l.path("expression").asText(null);
            }
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
