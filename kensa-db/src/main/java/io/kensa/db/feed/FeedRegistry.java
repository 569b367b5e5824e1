package io.kensa.db.feed;

import io.kensa.core.KensaException;
import io.kensa.db.feed.alpine.AlpineSecdbFeed;
import io.kensa.db.feed.amazon.AmazonAlasFeed;
import io.kensa.db.feed.cwe.CweFeed;
import io.kensa.db.feed.epss.EpssFeed;
import io.kensa.db.feed.jvn.JvnFeed;
import io.kensa.db.feed.kev.KevFeed;
import io.kensa.db.feed.maven.MavenSha1IndexFeed;
import io.kensa.db.feed.nvd.NvdFeed;
import io.kensa.db.feed.osv.OsvSource;
import io.kensa.db.feed.osv.OsvZipFeed;
import io.kensa.db.feed.rubysec.RubysecFeed;
import io.kensa.db.feed.ubuntu.UbuntuCveTrackerFeed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The feeds a database is built from, in load order. Adding a feed is adding a class and a line here. */
public final class FeedRegistry {
    private final List<Feed> feeds;

    public FeedRegistry(List<Feed> feeds) {
        Set<String> ids = new LinkedHashSet<>();
        for (Feed f : feeds) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("two feeds with id " + f.id());
            }
        }
        this.feeds = List.copyOf(feeds);
    }

    /** Every feed Kensa reads from a feeds folder. */
    public static FeedRegistry defaults() {
        return new FeedRegistry(List.of(
                new MavenSha1IndexFeed(),
                new OsvZipFeed(OsvSource.MAVEN),
                new OsvZipFeed(OsvSource.NPM),
                new OsvZipFeed(OsvSource.PYPI),
                new OsvZipFeed(OsvSource.GO),
                new OsvZipFeed(OsvSource.CRATES_IO),
                new OsvZipFeed(OsvSource.RUBYGEMS),
                new OsvZipFeed(OsvSource.PACKAGIST),
                new OsvZipFeed(OsvSource.NUGET),
                new OsvZipFeed(OsvSource.DEBIAN),
                new OsvZipFeed(OsvSource.UBUNTU),
                new OsvZipFeed(OsvSource.REDHAT),
                new OsvZipFeed(OsvSource.SUSE),
                new AlpineSecdbFeed(),
                new NvdFeed(),
                new KevFeed(),
                new EpssFeed(),
                new CweFeed(),
                new JvnFeed(),
                new UbuntuCveTrackerFeed(),
                new AmazonAlasFeed(),
                new RubysecFeed()));
    }

    public List<Feed> feeds() {
        return feeds;
    }

    /** This registry plus {@code more} (e.g. a crawl of a Maven repository), loaded after the folder's feeds. */
    public FeedRegistry with(Feed... more) {
        List<Feed> all = new ArrayList<>(feeds);
        all.addAll(List.of(more));
        return new FeedRegistry(all);
    }

    public Feed get(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new KensaException("unknown feed '" + id + "'"));
    }
}
