package io.kensa.analyze.inventory;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.secret.SecretFinding;

import java.util.List;
import java.util.Map;

/**
 * The merged view of an image's layers (or of a root filesystem).
 *
 * @param os       the detected OS, null when none
 * @param packages every package, each naming the layer that installed it and its purl
 * @param warnings problems that did not stop the scan
 * @param secrets  credentials found in any layer, also in files a later layer deletes ({@code deleted})
 * @param malware  files malware engines flagged in any layer
 * @param files    the analysed files the container sees, with their layer
 * @param skipped  files analyzers declined to read, counted by {@code analyzer: reason} over all layers
 */
public record Inventory(OsInfo os, List<Package> packages, List<String> warnings, List<SecretFinding> secrets,
                        List<MalwareFinding> malware, List<VisibleFile> files, Map<String, Long> skipped) {
    public Inventory {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        malware = malware == null ? List.of() : List.copyOf(malware);
        files = files == null ? List.of() : List.copyOf(files);
        skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
    }

    public Inventory(OsInfo os, List<Package> packages, List<String> warnings) {
        this(os, packages, warnings, List.of(), List.of(), List.of(), Map.of());
    }
}
