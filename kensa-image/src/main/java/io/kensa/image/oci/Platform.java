package io.kensa.image.oci;

import io.kensa.core.KensaException;

import java.util.Locale;

/** An image platform such as {@code linux/arm64/v8}. */
public record Platform(String os, String architecture, String variant) {

    public static Platform parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new KensaException("malformed platform '" + text + "' (expected os/arch[/variant])");
        }
        return new Platform(parts[0].toLowerCase(Locale.ROOT), normalizeArch(parts[1]),
                parts.length == 3 ? parts[2].toLowerCase(Locale.ROOT) : null);
    }

    /** The platform of the machine Kensa runs on. */
    public static Platform host() {
        return new Platform("linux", normalizeArch(System.getProperty("os.arch", "amd64")), null);
    }

    public static String normalizeArch(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "x86-64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i686", "386", "x86" -> "386";
            default -> arch.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Whether an image of {@code candidate} platform satisfies this requested platform. A request without a
     * variant accepts any variant; arm64 without a variant equals arm64/v8.
     */
    public boolean matches(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(normalizeArch(candidate.architecture))) {
            return false;
        }
        if (variant == null) {
            return true;
        }
        String theirs = candidate.variant == null && architecture.equals("arm64") ? "v8" : candidate.variant;
        return variant.equals(theirs);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
