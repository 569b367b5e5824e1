package io.kensa.report.cyclonedx;

import org.cyclonedx.model.component.evidence.Identity;
import org.cyclonedx.model.component.evidence.Method;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CycloneDX identity evidence for an application package's purl, from the evidence that named it
 * ({@code Package.foundBy}): the technique it amounts to, the evidence itself as the method's value, and Kensa's
 * rough confidence in that kind of evidence (the schema requires one per method):
 * <ul>
 *   <li>{@code sha1-index}: hash-comparison, 1.0 (the archive's bytes are a published artifact);</li>
 *   <li>{@code MANIFEST.MF}: manifest-analysis, 0.7 (titles and bundle names, not coordinates);</li>
 *   <li>{@code file-name}: filename, 0.3; {@code unidentified}: filename, 0.1;</li>
 *   <li>build information read from a binary ({@code …buildinfo…}, {@code …auditable…}): binary-analysis, 0.9;</li>
 *   <li>any other package metadata or lock file ({@code pom.properties}, {@code package.json},
 *       {@code METADATA}, a gemspec …): manifest-analysis, 0.9.</li>
 * </ul>
 */
final class IdentityEvidence {
    private IdentityEvidence() {
    }

    static Optional<Identity> of(String foundBy, String purl) {
        if (foundBy == null || foundBy.isBlank() || purl == null) {
            return Optional.empty();
        }
        Method method = new Method();
        String kind = foundBy.toLowerCase(Locale.ROOT);
        switch (kind) {
            case "sha1-index" -> set(method, Method.Technique.HASH_COMPARISON, 1.0);
            case "manifest.mf" -> set(method, Method.Technique.MANIFEST_ANALYSIS, 0.7);
            case "file-name" -> set(method, Method.Technique.FILENAME, 0.3);
            case "unidentified" -> set(method, Method.Technique.FILENAME, 0.1);
            default -> {
                if (kind.contains("buildinfo") || kind.contains("auditable")) {
                    set(method, Method.Technique.BINARY_ANALYSIS, 0.9);
                } else {
                    set(method, Method.Technique.MANIFEST_ANALYSIS, 0.9);
                }
            }
        }
        method.setValue(foundBy);
        Identity identity = new Identity();
        identity.setField(Identity.Field.PURL);
        identity.setConfidence(method.getConfidence());
        identity.setConcludedValue(purl);
        identity.setMethods(List.of(method));
        return Optional.of(identity);
    }

    private static void set(Method method, Method.Technique technique, double confidence) {
        method.setTechnique(technique);
        method.setConfidence(confidence);
    }
}
