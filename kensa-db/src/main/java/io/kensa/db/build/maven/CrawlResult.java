package io.kensa.db.build.maven;

import io.kensa.db.store.JavaIndexEntry;

import java.time.Instant;
import java.util.List;

/**
 * A finished crawl.
 *
 * @param entries  one row per version whose jar has a published sha1, sorted by sha1 then coordinates
 * @param warnings (where, what) of each skipped artifact or version, sorted
 * @param started  when the crawl began (a resumed crawl: when its first run began)
 * @param fetched  requests sent by this run
 * @param resumed  answers taken from the progress journal of an earlier run instead
 * @param versions versions listed by the artifacts' metadata
 */
public record CrawlResult(List<JavaIndexEntry> entries, List<String[]> warnings, Instant started, int fetched,
                          int resumed, int versions) {
}
