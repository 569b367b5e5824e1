package io.kensa.report.sarif;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A path inside the image as a relative URI reference (what SARIF's {@code artifactLocation.uri} holds): characters
 * a URI cannot carry (spaces, {@code %}, non-ASCII …) are percent-encoded, a first segment with a colon gets a
 * {@code ./} so it is not read as a scheme, and leading slashes go (paths are relative to the image root).
 * {@code app/x.war!/WEB-INF/lib/y.jar} stays as it is.
 */
final class ArtifactUris {
    private ArtifactUris() {
    }

    static String of(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            p = ".";
        }
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        if (first.indexOf(':') >= 0) {
            p = "./" + p;
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot encode path as a URI: " + e.getMessage(), e);
        }
    }
}
