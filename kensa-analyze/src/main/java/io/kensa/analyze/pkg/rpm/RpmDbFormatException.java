package io.kensa.analyze.pkg.rpm;

import java.io.IOException;

/** An rpm package database file whose structure is damaged, truncated, hostile or of an unsupported kind. */
public class RpmDbFormatException extends IOException {
    public RpmDbFormatException(String message) {
        super(message);
    }

    public RpmDbFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
