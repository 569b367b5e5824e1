package io.kensa.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every scan command takes. */
final class CommonOptions {
    @Mixin
    OutputOptions output;

    @Mixin
    CacheOptions cache;

    @Mixin
    DbOptions db;

    @Mixin
    ScannerOptions scanners;

    @Mixin
    FilterFlags filters;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;
}
