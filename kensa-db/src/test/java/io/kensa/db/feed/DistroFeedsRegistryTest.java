package io.kensa.db.feed;

import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.feed.amazon.AmazonAlasFeed;
import io.kensa.db.feed.rubysec.RubysecFeed;
import io.kensa.db.feed.ubuntu.UbuntuCveTrackerFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ubuntu, Amazon and rubysec feeds are registered, found in the corpus folder, and build together. */
class DistroFeedsRegistryTest {
    @TempDir
    Path dir;

    @Test
    void registeredAndPresentInTheCorpus() throws Exception {
        FeedRegistry registry = FeedRegistry.defaults();
        for (String id : List.of("ubuntu-cve-tracker", "amazon-alas", "rubysec")) {
            assertThat(registry.get(id).presentIn(FeedTesting.advisories())).as(id).isTrue();
            assertThat(registry.get(id).presentIn(null)).as(id + " needs a folder").isFalse();
            assertThat(registry.get(id).presentIn(dir)).as(id + " in an empty folder").isFalse();
        }
        BuildResult built = new DatabaseBuilder(new FeedRegistry(List.of(new UbuntuCveTrackerFeed(),
                new AmazonAlasFeed(), new RubysecFeed()))).build(FeedTesting.advisories(), dir.resolve("k.db"));
        assertThat(built.feeds()).extracting(FeedReport::id, FeedReport::records).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ubuntu-cve-tracker", 2956L),
                org.assertj.core.groups.Tuple.tuple("amazon-alas", 2434L),
                org.assertj.core.groups.Tuple.tuple("rubysec", 1232L));
        System.out.printf("three feeds: %d bytes in %s%n", built.bytes(), built.elapsed());
    }
}
