package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.misconfig.checks.Checks;
import io.kensa.analyze.misconfig.checks.ImageReference;
import io.kensa.analyze.scan.Detector;
import io.kensa.core.Artifact;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.image.oci.ImageConfig;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Dockle's checks on a scanned image (or, without a config, on a root filesystem's files): the config and history
 * ({@link ImageConfigChecks}), the files ({@link ImageFileChecks}, which needs the analyzers of
 * {@link io.kensa.analyze.misconfig.MisconfigAnalyzers} in the layer pass), the latest tag (DKL-DI-0006) and
 * content trust (CIS-DI-0005). Findings are appended to those already in the report, with source {@code image}.
 */
public final class ImageMisconfigDetector implements Detector {
    static final String SOURCE = "image";

    private final List<String> references;
    private final boolean contentTrust;

    /** Checks the image by its artifact name only; content trust as {@code DOCKER_CONTENT_TRUST} says. */
    public ImageMisconfigDetector() {
        this(List.of());
    }

    /**
     * @param imageReferences more names the image goes by (e.g. the {@code RepoTags} of a {@code docker save}
     *                        archive), checked for the latest tag with the artifact name
     */
    public ImageMisconfigDetector(List<String> imageReferences) {
        this(imageReferences, "1".equals(System.getenv("DOCKER_CONTENT_TRUST")));
    }

    /**
     * @param imageReferences     as above
     * @param contentTrustEnabled whether Docker content trust was on where the image came from (else CIS-DI-0005)
     */
    public ImageMisconfigDetector(List<String> imageReferences, boolean contentTrustEnabled) {
        this.references = List.copyOf(imageReferences);
        this.contentTrust = contentTrustEnabled;
    }

    @Override
    public ScanReport apply(ScanReport report, Inventory inventory, ImageConfig config) {
        List<MisconfigFinding> found = new ArrayList<>(report.misconfigurations());
        if (config != null) {
            found.addAll(new ImageConfigChecks(config, ImageFileChecks.uid0Users(inventory.files())).run());
        }
        found.addAll(ImageFileChecks.run(inventory.files()));
        if (config != null) {
            for (String ref : latestReferences(report.artifact())) {
                found.add(Checks.DKL_DI_0006.finding(SOURCE, List.of("image reference " + ref), null, 0, null));
            }
            if (!contentTrust) {
                found.add(Checks.CIS_DI_0005.finding(SOURCE,
                        List.of("DOCKER_CONTENT_TRUST is not 1: the image's signature was not required"), null, 0,
                        null));
            }
        }
        return report.withMisconfigurations(found);
    }

    /**
     * The image's names that use the latest tag: the given references, and the artifact name when it is a
     * registry reference or an OCI layout's {@code PATH:TAG} (a bare archive or layout path names no tag).
     */
    private Set<String> latestReferences(Artifact artifact) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : references) {
            if (ImageReference.isLatest(r)) {
                out.add(r);
            }
        }
        String name = artifact == null ? null : artifact.name();
        if (name == null || name.isBlank() || exists(name)) {
            return out;
        }
        int colon = name.lastIndexOf(':');
        if (colon > 0 && exists(name.substring(0, colon))) {
            if (name.substring(colon + 1).equals("latest")) {
                out.add(name);
            }
        } else if (!looksLikePath(name) && ImageReference.isLatest(name)) {
            out.add(name);
        }
        return out;
    }

    /** A name no registry reference can have: absolute or relative to here, home, or with backslashes. */
    private static boolean looksLikePath(String name) {
        return name.startsWith("/") || name.startsWith("./") || name.startsWith("../") || name.startsWith("~")
                || name.contains("\\");
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
