package io.kensa.analyze.pkg.rpm.header;

import java.io.IOException;

/** An rpm header blob that breaks the header format: a count, offset or type out of range. */
public class MalformedHeaderException extends IOException {
    public MalformedHeaderException(String message) {
        super(message);
    }
}
