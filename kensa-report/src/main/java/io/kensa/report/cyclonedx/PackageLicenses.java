package io.kensa.report.cyclonedx;

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
 * The license findings of each package: by purl, or by name and layer for a package without one. Remembers which
 * findings were claimed, so that those of a package missing from the inventory are not lost.
 */
final class PackageLicenses {
    private final List<LicenseFinding> all;
    private final Map<String, List<LicenseFinding>> byPurl = new LinkedHashMap<>();
    private final Map<String, List<LicenseFinding>> byNameAndLayer = new LinkedHashMap<>();
    private final Set<LicenseFinding> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    PackageLicenses(List<LicenseFinding> findings) {
        this.all = List.copyOf(findings);
        for (LicenseFinding f : findings) {
            if (f.purl() != null && !f.purl().isBlank()) {
                byPurl.computeIfAbsent(f.purl(), k -> new ArrayList<>()).add(f);
            } else if (f.packageName() != null) {
                byNameAndLayer.computeIfAbsent(nameAndLayer(f.packageName(), f.layer()), k -> new ArrayList<>()).add(f);
            }
        }
    }

    /** The findings of {@code p} (none when the license scanner did not see it). */
    List<LicenseFinding> of(Package p) {
        List<LicenseFinding> found = p.purl() != null ? byPurl.get(p.purl()) : byNameAndLayer.get(nameAndLayer(p.name(), p.layer()));
        if (found == null) {
            return List.of();
        }
        claimed.addAll(found);
        return List.copyOf(found);
    }

    /** The findings no package claimed, in the report's order. */
    List<LicenseFinding> unclaimed() {
        return all.stream().filter(f -> !claimed.contains(f)).toList();
    }

    private static String nameAndLayer(String name, String layer) {
        return name + "\u0000" + (layer == null ? "" : layer);
    }
}
