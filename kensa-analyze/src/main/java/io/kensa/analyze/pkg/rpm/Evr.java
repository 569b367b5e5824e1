package io.kensa.analyze.pkg.rpm;

/**
 * An rpm epoch, version and release. rpm treats a missing epoch as 0, so both print without one.
 *
 * @param epoch   the epoch, 0 when absent
 * @param version the upstream version
 * @param release the package release
 */
public record Evr(long epoch, String version, String release) {

    /** {@code [epoch:]version-release}, the epoch only when non-zero. */
    @Override
    public String toString() {
        return (epoch != 0 ? epoch + ":" : "") + version + "-" + release;
    }
}
