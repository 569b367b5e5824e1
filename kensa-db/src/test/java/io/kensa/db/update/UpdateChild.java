package io.kensa.db.update;

import io.kensa.db.signing.PemKeys;
import io.kensa.db.signing.SignatureVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An update run in a child JVM, so that a test can kill it with SIGKILL at a chosen point: it writes the path of
 * its temporary file to a marker file, then waits to be killed.
 * <p>Arguments: TARGET ARTIFACT PUBLIC-KEY PHASE MARKER, where PHASE is {@code download} (stop after the first
 * bytes are written) or {@code swap} (stop when the verified database is about to be renamed over the target).
 */
public final class UpdateChild {
    private UpdateChild() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        Path artifact = Path.of(args[1]);
        SignatureVerifier verifier = new SignatureVerifier(List.of(PemKeys.readPublicKey(Path.of(args[2]))));
        String phase = args[3];
        Path marker = Path.of(args[4]);
        UpdateListener stopper = new UpdateListener() {
            @Override
            public void progress(Path staged, long bytes) {
                if (phase.equals("download")) {
                    waitForTheKill(marker, staged);
                }
            }

            @Override
            public void beforeSwap(Path staged, Path to) {
                if (phase.equals("swap")) {
                    waitForTheKill(marker, staged);
                }
            }
        };
        new DatabaseUpdater(UpdatePolicy.verifiedBy(verifier), stopper).update(List.of(new FileArtifactSource(artifact)), target);
        System.exit(3); // not killed: the test fails on this exit code
    }

    private static void waitForTheKill(Path marker, Path staged) {
        try {
            Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(tmp, staged.toString());
            Files.move(tmp, marker);
            Thread.sleep(120_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(4);
    }
}
