package io.kensa.match.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Locale;
import java.util.TreeMap;

/**
 * The package URL of a container image, as OpenVEX documents name images ({@code pkg:oci/trivy?repository_url=
 * ghcr.io/aquasecurity/trivy}), following the purl specification's {@code oci} type: the last path segment of the
 * repository as the name, the manifest digest as the version, {@code repository_url} and {@code arch} as
 * qualifiers. Docker Hub is written {@code index.docker.io}, its official images under {@code library/}.
 */
public final class OciPurls {
    private OciPurls() {
    }

    /**
     * @param registry   the registry host ({@code docker.io}, {@code ghcr.io}, {@code host:5000})
     * @param repository the repository path ({@code aquasec/trivy}, {@code library/debian})
     * @param digest     the manifest digest ({@code sha256:…}), null when unknown
     * @param arch       the architecture ({@code amd64}), null when unknown
     */
    public static PackageURL forImage(String registry, String repository, String digest, String arch) {
        String host = registry.toLowerCase(Locale.ROOT);
        if (host.equals("docker.io") || host.equals("registry-1.docker.io") || host.equals("index.docker.io")) {
            host = "index.docker.io";
            if (!repository.contains("/")) {
                repository = "library/" + repository;
            }
        }
        String name = repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        TreeMap<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("repository_url", host + "/" + repository);
        if (arch != null && !arch.isBlank()) {
            qualifiers.put("arch", arch);
        }
        try {
            return new PackageURL("oci", null, name, digest, qualifiers, null);
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("no package URL for image " + host + "/" + repository + ": "
                    + e.getMessage(), e);
        }
    }
}
