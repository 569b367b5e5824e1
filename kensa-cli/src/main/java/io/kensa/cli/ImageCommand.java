package io.kensa.cli;

import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.oci.Platform;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kensa image REF | --input PATH}: scan a container image. */
@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a container image from a registry (REF) or a local archive or OCI layout (--input).")
final class ImageCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "REF", description = "Image reference, e.g. registry.example.com/app:1.2")
    String reference;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH",
            description = "docker save archive, OCI image layout directory or OCI archive (PATH[:REF] picks a tag of a layout).")
    String input;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Platform to pick from a multi-platform image (default: this machine's).")
    String platform;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--max-layer-size", paramLabel = "BYTES", defaultValue = "34359738368",
            description = "Refuse layers larger than this uncompressed (default: 32 GiB).")
    long maxLayerBytes;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if ((reference == null) == (input == null)) {
            throw new KensaException("give either an image reference or --input PATH");
        }
        Platform wanted = platform == null ? null : Platform.parse(platform);
        LayerLimits limits = LayerLimits.DEFAULT.withMaxLayerBytes(maxLayerBytes);
        return ScanRun.run(common, (db, plan) -> {
            try (ImageSource source = input != null ? LocalImages.open(input, wanted, limits)
                    : registry.open(reference, wanted, limits)) {
                AnalyzerRegistry analyzers = plan.analyzers();
                return new ImageScanner(analyzers, common.cache.layerCache(analyzers), common.cache.scratchDir(),
                        limits, Runtime.getRuntime().availableProcessors(), TerminalProgress.create(common.quiet),
                        db.javaIndex(), plan.detectors(reference != null ? List.of(reference) : source.repoTags()))
                        .scan(source);
            }
        });
    }
}
