package io.kensa.core;

/**
 * A failure the user can act on: bad input, an unreachable source, a verification error.
 * The CLI prints {@link #getMessage()} as one line on stderr and exits with {@link #exitCode()}.
 */
public class KensaException extends RuntimeException {
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    public KensaException(String message) {
        this(message, BAD_INPUT, null);
    }

    public KensaException(String message, Throwable cause) {
        this(message, BAD_INPUT, cause);
    }

    public KensaException(String message, int exitCode, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replace('\r', ' ').replace('\n', ' ');
    }
}
