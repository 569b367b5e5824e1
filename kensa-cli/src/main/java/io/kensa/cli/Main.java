package io.kensa.cli;

import picocli.CommandLine;

/** Entry point of the {@code kensa} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new KensaCommand());
        ErrorHandler errors = new ErrorHandler();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("kensa: out of memory (" + e.getMessage() + ")");
            return 2;
        }
    }
}
