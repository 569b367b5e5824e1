package io.kensa.db.feed.osv;

import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One of OSV's per-ecosystem {@code all.zip} files ({@link OsvSource}), the one source of its namespaces' affected
 * packages: each record gives its vulnerability, its aliases, and an advisory per {@code affected[]} entry of the
 * ecosystems the zip owns ({@link OsvRecordConverter}). Withdrawn records are not loaded. The snapshot date is the
 * newest {@code modified} of the records (golang/vulndb's {@code 0001-01-01} placeholders ignored), else the newest
 * entry time of the zip. What was skipped, and why, is written to the database's metadata as
 * {@code <feed id>.skipped}.
 */
public final class OsvZipFeed implements Feed {
    private final OsvSource source;

    public OsvZipFeed(OsvSource source) {
        this.source = source;
    }

    @Override
    public String id() {
        return source.feedId();
    }

    @Override
    public String source() {
        return source.path();
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return feedsDir != null && Files.isRegularFile(feedsDir.resolve(source.path()));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        return loadCounting(feedsDir, db, warnings).result();
    }

    /** What a load gave, with its counts. */
    record Loaded(FeedResult result, OsvCounts counts) {
    }

    Loaded loadCounting(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        OsvCounts counts = new OsvCounts();
        OsvRecordConverter converter = new OsvRecordConverter(source, warnings, counts);
        Instant[] newest = new Instant[1];
        OsvZipReader.Result read = new OsvZipReader().read(feedsDir.resolve(source.path()), source.path(), warnings,
                (where, record) -> {
                    if (record.withdrawn() != null && !record.withdrawn().isBlank()) {
                        counts.withdrawn++;
                        return;
                    }
                    OsvRecordConverter.Converted c = converter.convert(record, where);
                    db.addVulnerability(c.vulnerability());
                    for (String alias : c.aliases()) {
                        db.addAlias(record.id(), alias);
                    }
                    for (AffectedPackage a : c.advisories()) {
                        db.addAdvisory(a);
                    }
                    counts.records++;
                    counts.advisories += c.advisories().size();
                    Instant modified = c.vulnerability().modified();
                    if (modified != null && (newest[0] == null || modified.isAfter(newest[0]))) {
                        newest[0] = modified;
                    }
                });
        db.putMetadata(source.feedId() + ".skipped", counts.describe());
        return new Loaded(new FeedResult(counts.records(), newest[0] != null ? newest[0] : read.newestEntryTime()),
                counts);
    }
}
