package io.kensa.image.registry;

import io.kensa.core.Digest;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Options and assertions shared by the registry tests. */
public final class RegistryTestSupport {
    private RegistryTestSupport() {
    }

    /** Retries fast so that failure tests stay short. */
    public static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(3), Duration.ofSeconds(20));

    /** Plain HTTP, no docker config (a file in {@code tempDir} that does not exist), no helpers, short timeouts. */
    public static RegistryOptions insecureOptions(Path tempDir) {
        return RegistryOptions.defaults().withInsecure(true)
                .withDockerConfig(tempDir.resolve("no-docker-config.json"))
                .withClient(ClientSettings.DEFAULT.withRetry(FAST_RETRY)
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10))
                        .withHelperSearchPath(List.of()));
    }

    /** sha256 of everything {@code in} yields (closes it). */
    public static Digest sha256(InputStream in) throws IOException {
        try (DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
            return new Digest("sha256", HexFormat.of().formatHex(d.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user-facing error: a KensaException with one line, no stack trace or exception class names. */
    public static void assertOneLine(Throwable e) {
        assertThat(e).isInstanceOf(KensaException.class);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("Exception")
                .doesNotContain("\tat ").isNotBlank();
    }
}
