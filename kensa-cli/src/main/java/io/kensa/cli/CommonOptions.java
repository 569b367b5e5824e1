package io.kensa.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options every scan command takes. */
final class CommonOptions {
    @ArgGroup(exclusive = false, heading = "Output%n")
    OutputOptions output = new OutputOptions();

    @ArgGroup(exclusive = false, heading = "Cache%n")
    CacheOptions cache = new CacheOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;
}
