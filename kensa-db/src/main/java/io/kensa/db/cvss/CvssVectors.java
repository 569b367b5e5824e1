package io.kensa.db.cvss;

import io.kensa.core.vuln.CvssScore;
import io.kensa.core.vuln.Severity;
import us.springett.cvss.Cvss;

import java.util.Optional;

/** CVSS vector strings (v2.0, v3.0, v3.1, v4.0) scored with Steve Springett's CVSS calculator. */
public final class CvssVectors {
    private CvssVectors() {
    }

    /**
     * Scores {@code vector}; empty when it is not a valid CVSS vector. A v2 vector is written without a prefix
     * ({@code AV:N/AC:L/...}), the others with theirs ({@code CVSS:3.1/...}).
     *
     * @param source who published the vector ({@code nvd}, {@code ghsa}, {@code redhat} …)
     */
    public static Optional<CvssScore> score(String source, String vector) {
        if (vector == null || vector.isBlank()) {
            return Optional.empty();
        }
        String v = vector.strip();
        String version = v.startsWith("CVSS:4.0/") ? "4.0" : v.startsWith("CVSS:3.1/") ? "3.1"
                : v.startsWith("CVSS:3.0/") ? "3.0" : v.startsWith("CVSS:") ? null : "2.0";
        if (version == null) {
            return Optional.empty();
        }
        try {
            Cvss cvss = Cvss.fromVector(v);
            if (cvss == null) {
                return Optional.empty();
            }
            double base = cvss.calculateScore().getBaseScore();
            return Optional.of(new CvssScore(source, version, v, base, severity(version, base)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The qualitative rating: v2 has no "critical" (NVD's v2 ranges), v3 and v4 do. */
    public static Severity severity(String version, double base) {
        if ("2.0".equals(version)) {
            return base >= 7.0 ? Severity.HIGH : base >= 4.0 ? Severity.MEDIUM : Severity.LOW;
        }
        if (base == 0.0) {
            return Severity.LOW;
        }
        return Severity.fromCvssScore(base);
    }
}
