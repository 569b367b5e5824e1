package io.kensa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kensa db}: the local database; the work is in its subcommands. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Build, publish, update and inspect the local Kensa database.",
        subcommands = {DbBuildCommand.class, DbInfoCommand.class, DbUpdateCommand.class, DbPushCommand.class,
                DbKeygenCommand.class})
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
