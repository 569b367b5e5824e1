package io.kensa.report.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import io.kensa.core.Artifact;

import java.util.Locale;
import java.util.Optional;

/**
 * The package URL of a scanned image, {@code pkg:oci/NAME@DIGEST?arch=…&repository_url=…}, built from its first
 * repository digest as Trivy does. Images known only locally (no repository digest) and root filesystems have none.
 */
public final class ArtifactPurl {
    private ArtifactPurl() {
    }

    public static Optional<String> of(Artifact artifact) {
        if (!"image".equals(artifact.type()) || artifact.repoDigests() == null || artifact.repoDigests().isEmpty()) {
            return Optional.empty();
        }
        String repoDigest = artifact.repoDigests().getFirst();
        int at = repoDigest.indexOf('@');
        if (at <= 0 || at == repoDigest.length() - 1) {
            return Optional.empty();
        }
        String repository = repoDigest.substring(0, at).toLowerCase(Locale.ROOT);
        String digest = repoDigest.substring(at + 1);
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL()
                    .withType("oci")
                    .withName(name)
                    .withVersion(digest)
                    .withQualifier("repository_url", repository);
            if (artifact.architecture() != null && !artifact.architecture().isBlank()) {
                b.withQualifier("arch", artifact.architecture());
            }
            return Optional.of(b.build().canonicalize());
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }
}
