package io.kensa.analyze.lang.golang;

/**
 * A module line of Go build info ({@code mod}, {@code dep} or {@code =>}).
 *
 * @param path    module path, or a directory for a local replacement
 * @param version module version as Go writes it ({@code v1.2.3}, a pseudo-version, {@code (devel)}), may be empty
 * @param sum     go.sum hash, may be empty
 * @param replace the module that replaced this one ({@code =>} line), or null
 */
public record GoModule(String path, String version, String sum, GoModule replace) {

    GoModule withReplace(GoModule r) {
        return new GoModule(path, version, sum, r);
    }
}
