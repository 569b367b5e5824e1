package io.kensa.analyze.lang.golang;

/**
 * The two strings of a Go binary's build info blob.
 *
 * @param goVersion the toolchain version ({@code go1.19.8}, {@code go1.22.3 X:boringcrypto}); empty when the blob
 *                  holds none, which means it is not a Go executable
 * @param modInfo   the module information text without its sentinel framing; empty for binaries built without
 *                  module information
 */
public record RawBuildInfo(String goVersion, String modInfo) {
}
