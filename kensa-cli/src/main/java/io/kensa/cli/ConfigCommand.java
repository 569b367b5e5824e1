package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.match.filter.FilterOptions;
import io.kensa.match.filter.Gate;
import io.kensa.match.filter.IgnoreFile;
import io.kensa.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code kensa config PATH}: the misconfiguration checks on a Dockerfile, a Kubernetes manifest or a directory. */
@Command(name = "config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check Dockerfiles and Kubernetes manifests for misconfigurations (Dockle's CIS Docker "
                + "Benchmark and DKL checks, Trivy's KSV ids).",
                "PATH is a Dockerfile, a YAML manifest, or a directory searched for both (symbolic links not followed)."})
final class ConfigCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "A Dockerfile, a .yaml/.yml manifest, or a directory.")
    String path;

    @Mixin
    OutputOptions output;

    @Option(names = "--severity", paramLabel = "LIST",
            description = "Report only these severities: CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN (default: all).")
    String severity;

    @Option(names = "--ignore", paramLabel = "ID",
            description = "Leave out this check (e.g. CIS-DI-0006, KSV014); repeatable, or comma-separated.")
    List<String> ignore;

    @Option(names = "--ignorefile", paramLabel = "FILE",
            description = "Ignore rules, YAML: the 'misconfigurations' list (default: ./" + IgnoreFile.DEFAULT_NAME
                    + " when present).")
    Path ignoreFile;

    @Option(names = "--exit-code", paramLabel = "N", defaultValue = "0",
            description = "Exit with N when misconfigurations remain after the filters (default: 0).")
    int exitCode;

    @Override
    public Integer call() throws Exception {
        Reporter reporter = output.reporter();
        Gate gate = new Gate(exitCode, false);
        FilterOptions options = FilterOptions.none();
        if (severity != null) {
            options = options.withSeverities(FilterOptions.parseSeverities(severity));
        }
        Path rules = ignoreFile != null ? ignoreFile
                : Files.isRegularFile(Path.of(IgnoreFile.DEFAULT_NAME)) ? Path.of(IgnoreFile.DEFAULT_NAME) : null;
        if (rules != null) {
            options = options.withIgnoreRules(IgnoreFile.read(rules));
        }
        ConfigRun.Outcome outcome = ConfigRun.run(path, options, ignoredIds(), gate);
        output.write(reporter, outcome.report());
        if (outcome.gate().fired()) {
            System.err.println("kensa: " + outcome.gate().reason());
        }
        return outcome.gate().exitCode();
    }

    private Set<String> ignoredIds() {
        Set<String> ids = new LinkedHashSet<>();
        if (ignore != null) {
            for (String list : ignore) {
                for (String id : list.split(",")) {
                    if (id.isBlank()) {
                        throw new KensaException("--ignore: empty check id");
                    }
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }
}
