package io.kensa.analyze.misconfig.dockerfile;

import io.kensa.core.KensaException;

/** A file that does not parse as a Dockerfile; the message names the file and the line. */
public final class DockerfileException extends KensaException {
    public DockerfileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
