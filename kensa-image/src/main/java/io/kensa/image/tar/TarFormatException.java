package io.kensa.image.tar;

import java.io.IOException;

/** The bytes are not a well-formed tar stream (bad checksum, truncated, oversized header …). */
public final class TarFormatException extends IOException {
    public TarFormatException(String message) {
        super(message);
    }
}
