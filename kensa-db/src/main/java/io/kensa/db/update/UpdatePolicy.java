package io.kensa.db.update;

import io.kensa.db.signing.SignatureVerifier;

/**
 * What an update accepts.
 *
 * @param verifier       the trusted keys; null only with {@code --insecure-skip-signature}, when nothing is verified
 *                       beyond the transport's digests and the file being a Kensa database
 * @param limits         size bounds
 * @param allowDowngrade accept a database built before the one in place (otherwise refused: an old, signed database
 *                       replayed by a mirror would hide every vulnerability published since)
 */
public record UpdatePolicy(SignatureVerifier verifier, UpdateLimits limits, boolean allowDowngrade) {
    public UpdatePolicy {
        limits = limits == null ? UpdateLimits.DEFAULT : limits;
    }

    /** Signatures required, default limits, no downgrade. */
    public static UpdatePolicy verifiedBy(SignatureVerifier verifier) {
        return new UpdatePolicy(java.util.Objects.requireNonNull(verifier), UpdateLimits.DEFAULT, false);
    }
}
