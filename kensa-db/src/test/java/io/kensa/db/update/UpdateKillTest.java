package io.kensa.db.update;

import io.kensa.db.publish.DatabasePublisher;
import io.kensa.db.publish.PreparedArtifact;
import io.kensa.db.signing.SignatureAlgorithm;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.kensa.db.update.UpdateFixtures.T1;
import static io.kensa.db.update.UpdateFixtures.assertIntact;
import static io.kensa.db.update.UpdateFixtures.assertOnly;
import static io.kensa.db.update.UpdateFixtures.build;
import static io.kensa.db.update.UpdateFixtures.keys;
import static io.kensa.db.update.UpdateFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update killed with SIGKILL (no shutdown hook runs) in the middle of the download, or with the verified new
 * database complete and about to be renamed over the old one: the old database is intact and opens, and the file
 * the killed update left behind does not stop the next update, which removes it.
 */
@Timeout(120)
class UpdateKillTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"download", "swap"})
    void aKilledUpdateLeavesTheOldDatabaseWorking(String phase) throws Exception {
        UpdateFixtures.Keys keys = keys(dir, SignatureAlgorithm.ED25519, "k");
        Path target = build(dir.resolve("cache/kensa.db"), T1);
        String old = sha256(target);
        Path v2 = build(dir.resolve("v2.db"), T1.plus(Duration.ofDays(1)));
        Path published = dir.resolve("pub");
        try (PreparedArtifact a = UpdateFixtures.prepare(v2, keys.signing(), dir.resolve("work"))) {
            new DatabasePublisher().writeFiles(a, published);
        }
        Path marker = dir.resolve("marker");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                UpdateChild.class.getName(), target.toString(), published.resolve("kensa.db.zst").toString(),
                keys.publicFile().toString(), phase, marker.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker)) {
                assertThat(child.isAlive()).as("the child stopped before the %s point: %s", phase, readLog(log)).isTrue();
                assertThat(System.nanoTime()).as("the child reached the %s point in time", phase).isLessThan(deadline);
                Thread.sleep(20);
            }
            Path staged = Path.of(Files.readString(marker));
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            // the old database is as it was; what the killed update wrote lies beside it, under its own name
            assertIntact(target, old, T1);
            assertThat(staged.getParent()).isEqualTo(target.getParent());
            assertThat(staged.getFileName().toString()).matches("kensa\\.db\\.update-[0-9a-f]+\\.tmp");
            assertThat(Files.size(staged)).isPositive();
            if (phase.equals("swap")) {
                assertThat(sha256(staged)).as("the complete new database, never renamed").isEqualTo(sha256(v2));
            } else {
                assertThat(Files.size(staged)).isLessThan(Files.size(v2));
            }
            assertOnly(target.getParent(), "kensa.db", "kensa.db.update.lock", staged.getFileName().toString());

            // the next update works and clears the leftover
            UpdateResult r = new DatabaseUpdater(UpdatePolicy.verifiedBy(keys.verifier()), UpdateListener.NONE)
                    .update(List.of(new FileArtifactSource(published.resolve("kensa.db.zst"))), target);
            assertThat(r.updated()).isTrue();
            assertIntact(target, sha256(v2), T1.plus(Duration.ofDays(1)));
            assertOnly(target.getParent(), "kensa.db", "kensa.db.update.lock");
        } finally {
            child.destroyForcibly();
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
