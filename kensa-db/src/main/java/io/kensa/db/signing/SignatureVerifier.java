package io.kensa.db.signing;

import io.kensa.core.KensaException;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.List;

/**
 * Checks signature documents against the keys the user trusts: a signature is good when one trusted key of its
 * algorithm verifies it. Which algorithm to use comes from the trusted key, never from the document alone.
 */
public final class SignatureVerifier {
    private final List<TrustedKey> keys;

    public SignatureVerifier(List<TrustedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no trusted key");
        }
        this.keys = List.copyOf(keys);
    }

    public List<TrustedKey> keys() {
        return keys;
    }

    /**
     * The trusted key that verifies {@code signature}; fails with one line when none does ({@code where} names the
     * signature).
     */
    public TrustedKey verify(DatabaseSignature signature, String where) {
        List<TrustedKey> candidates = keys.stream().filter(k -> k.algorithm() == signature.algorithm()).toList();
        if (candidates.isEmpty()) {
            throw new KensaException(where + ": signed with " + signature.algorithm().wireName() + ", but no trusted key"
                    + " (--db-public-key) is of that kind: " + names(keys));
        }
        for (TrustedKey key : candidates) {
            if (verifies(key, signature)) {
                return key;
            }
        }
        throw new KensaException(where + ": the signature does not verify with the trusted key"
                + (candidates.size() > 1 ? "s " : " ") + names(candidates) + " (forged, or signed with another key)");
    }

    private static boolean verifies(TrustedKey key, DatabaseSignature signature) {
        try {
            Signature s = Signature.getInstance(key.algorithm().jcaSignature());
            s.initVerify(key.key());
            s.update(signature.database().message());
            return s.verify(signature.signature());
        } catch (GeneralSecurityException malformedSignature) {
            return false;
        }
    }

    private static String names(List<TrustedKey> keys) {
        return String.join(", ", keys.stream().map(k -> String.valueOf(k.source())).toList());
    }
}
