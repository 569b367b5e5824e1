package io.kensa.report.sbom;

import io.kensa.core.Package;
import io.kensa.core.license.LicenseFinding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The license scanner's findings of each package, for the SBOM reporters: by purl, or by name and layer for a
 * finding without one. Remembers which findings were claimed, so that those of a package missing from the inventory
 * are not lost. One instance serves one document.
 */
public final class PackageLicenses {
    private final List<LicenseFinding> all;
    private final Map<String, List<LicenseFinding>> byPurl = new LinkedHashMap<>();
    private final Map<String, List<LicenseFinding>> byNameAndLayer = new LinkedHashMap<>();
    private final Set<LicenseFinding> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    public PackageLicenses(List<LicenseFinding> findings) {
        this.all = List.copyOf(findings);
        for (LicenseFinding f : findings) {
            if (f.purl() != null && !f.purl().isBlank()) {
                byPurl.computeIfAbsent(f.purl(), k -> new ArrayList<>()).add(f);
            } else if (f.packageName() != null) {
                byNameAndLayer.computeIfAbsent(nameAndLayer(f.packageName(), f.layer()), k -> new ArrayList<>()).add(f);
            }
        }
    }

    /**
     * The findings of {@code p}: those of its purl, else the findings without a purl of its name in its layer (a
     * finding with another purl is another package: another version, say); none when the license scanner did not
     * see it.
     */
    public List<LicenseFinding> of(Package p) {
        List<LicenseFinding> found = p.purl() == null ? null : byPurl.get(p.purl());
        if (found == null) {
            found = byNameAndLayer.get(nameAndLayer(p.name(), p.layer()));
        }
        if (found == null) {
            return List.of();
        }
        claimed.addAll(found);
        return List.copyOf(found);
    }

    /** The findings no package claimed, in the report's order. */
    public List<LicenseFinding> unclaimed() {
        return all.stream().filter(f -> !claimed.contains(f)).toList();
    }

    /** The licenses the findings name, each once, in order: what the package's concluded license is made of. */
    public static List<String> licenses(List<LicenseFinding> findings) {
        return findings.stream().map(LicenseFinding::license).filter(l -> l != null && !l.isBlank()).distinct().toList();
    }

    /** The findings' category, severity and policy decision as {@code kensa:license:} properties, each value once. */
    public static List<KensaProperties.Property> properties(List<LicenseFinding> findings) {
        List<KensaProperties.Property> out = new ArrayList<>();
        for (LicenseFinding f : findings) {
            addOnce(out, KensaProperties.LICENSE_CATEGORY, f.category());
            addOnce(out, KensaProperties.LICENSE_SEVERITY, f.severity() == null ? null : f.severity().name());
            addOnce(out, KensaProperties.LICENSE_POLICY, f.policy());
        }
        return List.copyOf(out);
    }

    private static void addOnce(List<KensaProperties.Property> properties, String name, String value) {
        KensaProperties.Property p = new KensaProperties.Property(name, value);
        if (value != null && !value.isBlank() && !properties.contains(p)) {
            properties.add(p);
        }
    }

    private static String nameAndLayer(String name, String layer) {
        return name + "\u0000" + (layer == null ? "" : layer);
    }
}
