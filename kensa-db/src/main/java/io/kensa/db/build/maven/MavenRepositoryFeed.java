package io.kensa.db.build.maven;

import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;
import io.kensa.db.store.JavaIndexEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The Java index crawled from a Maven repository ({@link MavenIndexCrawler}) as a feed of a build: it needs no
 * feeds folder. Optionally also writes the rows as a {@code sha1-index.tsv} file. Once the database is in place the
 * crawl's progress journal is deleted.
 */
public final class MavenRepositoryFeed implements Feed {
    public static final String ID = "maven-repository";

    private final MavenIndexCrawler crawler;
    private final List<MavenArtifact> artifacts;
    private final Path tsv;

    /**
     * @param tsv where to also write the rows as a sha1 index file, or null
     */
    public MavenRepositoryFeed(MavenIndexCrawler crawler, List<MavenArtifact> artifacts, Path tsv) {
        this.crawler = crawler;
        this.artifacts = List.copyOf(artifacts);
        this.tsv = tsv;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return crawler.repository().toString();
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return true;
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        CrawlResult result = crawler.crawl(artifacts);
        for (String[] w : result.warnings()) {
            warnings.add(w[0], w[1]);
        }
        for (JavaIndexEntry e : result.entries()) {
            db.javaIndex().add(e);
        }
        if (tsv != null) {
            Sha1IndexTsv.write(result.entries(), tsv);
        }
        return new FeedResult(result.entries().size(), result.started());
    }

    @Override
    public void built() throws IOException {
        Files.deleteIfExists(crawler.stateFile());
    }
}
