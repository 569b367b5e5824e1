package io.kensa.db.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ubuntu, Amazon and rubysec feeds are registered and found in the corpus folder only (AllFeedsBuildTest builds
 * them with every other feed).
 */
class DistroFeedsRegistryTest {
    @TempDir
    Path dir;

    @Test
    void registeredAndPresentInTheCorpus() {
        FeedRegistry registry = FeedRegistry.defaults();
        for (String id : List.of("ubuntu-cve-tracker", "amazon-alas", "rubysec")) {
            assertThat(registry.get(id).presentIn(FeedTesting.advisories())).as(id).isTrue();
            assertThat(registry.get(id).presentIn(null)).as(id + " needs a folder").isFalse();
            assertThat(registry.get(id).presentIn(dir)).as(id + " in an empty folder").isFalse();
        }
    }
}
