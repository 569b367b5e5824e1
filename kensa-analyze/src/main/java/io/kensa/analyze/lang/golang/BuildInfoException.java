package io.kensa.analyze.lang.golang;

/** Go build info that cannot be read: a length past the end of the file, a malformed line … */
public final class BuildInfoException extends Exception {
    public BuildInfoException(String message) {
        super(message);
    }
}
