package io.kensa.db.signing;

import io.kensa.core.KensaException;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * The signature schemes a database may be signed with, both in the JDK: Ed25519 (RFC 8032, pure) and ECDSA on
 * NIST P-256 with SHA-256 (signature DER-encoded, as OpenSSL writes it).
 */
public enum SignatureAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSA", "EC");

    private final String wireName;
    private final String jcaSignature;
    private final String jcaKey;

    SignatureAlgorithm(String wireName, String jcaSignature, String jcaKey) {
        this.wireName = wireName;
        this.jcaSignature = jcaSignature;
        this.jcaKey = jcaKey;
    }

    /** The name in signature documents and on the command line, e.g. {@code ed25519}. */
    public String wireName() {
        return wireName;
    }

    /** The JDK {@link java.security.Signature} algorithm. */
    String jcaSignature() {
        return jcaSignature;
    }

    /** The JDK {@link java.security.KeyFactory} algorithm. */
    String jcaKey() {
        return jcaKey;
    }

    /** The algorithm named {@code name} (its wire name, case-insensitive); fails with one line listing the others. */
    public static SignatureAlgorithm byName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (SignatureAlgorithm a : values()) {
            if (a.wireName.equals(n)) {
                return a;
            }
        }
        throw new KensaException("unsupported signature algorithm '" + clip(name) + "' (supported: "
                + String.join(", ", Arrays.stream(values()).map(SignatureAlgorithm::wireName).toList()) + ")");
    }

    /** The algorithm a key is for, or null: an Ed25519 key, or an EC key on P-256 (other curves are not accepted). */
    static SignatureAlgorithm of(Key key) {
        if (key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase("Ed25519")) {
            return ED25519;
        }
        if (key instanceof ECKey ec && isP256(ec.getParams())) {
            return ECDSA_P256_SHA256;
        }
        return null;
    }

    private static boolean isP256(ECParameterSpec spec) {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = p.getParameterSpec(ECParameterSpec.class);
            return p256.getCurve().equals(spec.getCurve()) && p256.getGenerator().equals(spec.getGenerator())
                    && p256.getOrder().equals(spec.getOrder()) && p256.getCofactor() == spec.getCofactor();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the P-256 curve", e);
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
