package io.kensa.report.spdx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the SPDX identifiers of one document: {@code SPDXRef-KIND-HASH}, HASH being the first 16 hex digits of
 * the SHA-256 of the element's identifying parts, so that the same report always gives the same ids. Identical
 * elements (same parts) get {@code -2}, {@code -3} … appended.
 */
final class SpdxIds {
    private final Set<String> used = new HashSet<>();

    String allocate(String kind, String... parts) {
        String base = "SPDXRef-" + kind + "-" + hash16(String.join("\u0000", parts));
        if (used.add(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (used.add(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    static String hash16(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
