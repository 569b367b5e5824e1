package io.kensa.cli;

import io.kensa.report.ReporterRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Hidden: the training run that {@code ./kensa} records into the JVM's AOT cache after each build, so start-up
 * loads pre-linked classes. It builds a database from a feeds folder into the training cache's default place (so
 * the scans open it, as users' scans do), then scans each image cold and then warm, in every report format, and
 * once more with every scanner.
 */
@Command(name = "aot-training", hidden = true)
final class AotTrainingCommand implements Callable<Integer> {

    @Option(names = "--feeds", paramLabel = "DIR")
    Path feeds;

    @Parameters(paramLabel = "IMAGE", arity = "1..*")
    java.util.List<String> images;

    @Override
    public Integer call() throws IOException {
        Path cache = Files.createTempDirectory("kensa-aot-");
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            if (feeds != null) {
                new CommandLine(new KensaCommand()).execute("db", "build", "--feeds", feeds.toString(), "--output",
                        DbOptions.defaultFile(cache).toString());
            }
            for (String image : images) {
                for (int pass = 0; pass < 2; pass++) {
                    for (String format : ReporterRegistry.defaults().formats()) {
                        new CommandLine(new KensaCommand()).execute("image", "--input", image, "--format", format,
                                "--cache-dir", cache.toString(), "--quiet");
                    }
                }
            }
            for (String image : images) { // every scanner, so their classes are in the cache too
                new CommandLine(new KensaCommand()).execute("image", "--input", image, "--format", "json",
                        "--scanners", "vuln,secret,misconfig,license,malware", "--cache-dir", cache.toString(),
                        "--quiet");
            }
            new CommandLine(new KensaCommand()).execute("image", "--input", images.getFirst() + ".missing",
                    "--cache-dir", cache.toString());
        } finally {
            System.setOut(out);
            try (Stream<Path> walk = Files.walk(cache)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
