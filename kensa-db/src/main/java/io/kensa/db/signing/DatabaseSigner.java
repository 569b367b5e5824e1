package io.kensa.db.signing;

import java.security.GeneralSecurityException;
import java.security.Signature;

/** Signs databases with one private key. */
public final class DatabaseSigner {
    private final SigningKey key;

    public DatabaseSigner(SigningKey key) {
        this.key = key;
    }

    public DatabaseSignature sign(SignedDatabase database) {
        try {
            Signature s = Signature.getInstance(key.algorithm().jcaSignature());
            s.initSign(key.key());
            s.update(database.message());
            return new DatabaseSignature(key.algorithm(), database, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
    }
}
