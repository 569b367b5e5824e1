package io.kensa.cli;

import io.kensa.core.KensaException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns every failure into one line on stderr and exit code 2: never a stack trace. Set KENSA_DEBUG=1 to get
 * the trace of an unexpected error.
 */
final class ErrorHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        System.err.println("kensa: " + oneLine(ex.getMessage()) + " (see "
                + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        return KensaException.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        System.err.println("kensa: " + describe(ex));
        if (System.getenv("KENSA_DEBUG") != null) {
            ex.printStackTrace();
        }
        return ex instanceof KensaException k ? k.exitCode() : KensaException.BAD_INPUT;
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        return switch (t) {
            case KensaException k -> oneLine(k.getMessage());
            case NoSuchFileException n -> "no such file: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case IOException io -> "I/O error: " + oneLine(String.valueOf(io.getMessage()));
            default -> "unexpected error: " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").trim();
    }
}
