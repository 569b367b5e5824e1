package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.db.signing.PemKeys;
import io.kensa.db.signing.SignatureAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;

/** {@code kensa db keygen NAME}: a key pair to sign databases with, NAME.key (private) and NAME.pub. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a key pair for signing databases: NAME.key, the private key",
                "(PEM PKCS#8, readable by its owner only: keep it in a secret store) for",
                "kensa db push --signing-key, and NAME.pub, the public key (PEM) for",
                "kensa db update --db-public-key. Existing files are never overwritten.",
                "OpenSSL makes the same keys: openssl genpkey -algorithm ed25519 -out",
                "NAME.key; openssl pkey -in NAME.key -pubout -out NAME.pub",
                ""})
final class DbKeygenCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Path and name of the files to write, without extension.")
    Path name;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "ed25519",
            description = "ed25519 or ecdsa-p256-sha256 (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Override
    public Integer call() throws IOException {
        SignatureAlgorithm alg = SignatureAlgorithm.byName(algorithm);
        Path key = name.resolveSibling(name.getFileName() + ".key").toAbsolutePath();
        Path pub = name.resolveSibling(name.getFileName() + ".pub").toAbsolutePath();
        for (Path p : new Path[]{key, pub}) {
            if (Files.exists(p)) {
                throw new KensaException(p + ": already exists (keygen never overwrites a key)");
            }
        }
        Files.createDirectories(key.getParent());
        KeyPair pair = PemKeys.generate(alg);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(key);
            }
            Files.writeString(key, PemKeys.pem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(pub, PemKeys.pem(pair.getPublic()), StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new KensaException(e.getFile() + ": already exists (keygen never overwrites a key)");
        }
        System.out.println("wrote " + key + " (private, " + alg.wireName() + ") and " + pub + " (public)");
        return 0;
    }
}
