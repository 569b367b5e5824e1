package io.kensa.cli;

import io.kensa.core.KensaVersion;
import picocli.CommandLine.Command;

/** {@code kensa}: the top-level command; the work is in its subcommands. */
@Command(name = "kensa",
        mixinStandardHelpOptions = true,
        versionProvider = KensaCommand.Version.class,
        description = "Container image security scanner: inventories, SBOMs and more.",
        subcommands = {ImageCommand.class, RootfsCommand.class, SbomCommand.class, ConfigCommand.class, DbCommand.class,
                AotTrainingCommand.class})
public final class KensaCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the version for {@code --version}. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"kensa " + KensaVersion.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
