package io.kensa.image.registry;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;

/** Writes htpasswd lines with bcrypt hashes, the only kind docker-registry's htpasswd auth accepts. */
public final class Htpasswd {
    private Htpasswd() {
    }

    /** {@code user:$2y$…} with a low cost, good enough for tests. */
    public static String line(String user, String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 5);
    }
}
