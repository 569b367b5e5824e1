package io.kensa.analyze.engine;

/**
 * A symbolic or hard link at a wanted path.
 *
 * @param path   where the link is (normalised)
 * @param target what it points to, resolved inside the image root (normalised, never outside the root)
 * @param hard   true for a hard link
 */
public record LinkRecord(String path, String target, boolean hard) {
}
