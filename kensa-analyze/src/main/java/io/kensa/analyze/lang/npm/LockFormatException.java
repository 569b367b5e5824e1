package io.kensa.analyze.lang.npm;

import java.io.IOException;

/** A lock file that is not in the format its name promises. */
final class LockFormatException extends IOException {
    LockFormatException(String message) {
        super(message);
    }
}
