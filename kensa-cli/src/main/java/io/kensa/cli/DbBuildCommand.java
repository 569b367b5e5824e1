package io.kensa.cli;

import io.kensa.core.KensaException;
import io.kensa.db.build.BuildResult;
import io.kensa.db.build.DatabaseBuilder;
import io.kensa.db.build.FeedReport;
import io.kensa.db.build.maven.ArtifactList;
import io.kensa.db.build.maven.CrawlSettings;
import io.kensa.db.build.maven.MavenIndexCrawler;
import io.kensa.db.build.maven.MavenRepositoryFeed;
import io.kensa.db.feed.FeedRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code kensa db build}: a database from a folder of feeds, plus optionally a Java index crawled from Maven. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build the Kensa database from a folder of feeds (in their publishers'",
                "formats) and, for the Java index, from a Maven repository. The database",
                "is written whole or not at all: a failed build leaves the previous one.",
                "A crawl keeps its progress in OUTPUT.maven-crawl until the build is",
                "done: after an interruption (repository errors, Ctrl-C) run the same",
                "command again, and only what is missing is fetched.",
                ""})
final class DbBuildCommand implements Callable<Integer> {
    static final String DEFAULT_MAVEN_REPO = "https://repo1.maven.org/maven2";
    private static final int WARNINGS_SHOWN = 20;

    @Option(names = "--feeds", paramLabel = "DIR",
            description = "Folder of feeds, e.g. maven/sha1-index.tsv (required unless --java-index-artifacts is given).")
    Path feeds;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = {"Database file to write (default, where scans look:", "<cache dir>/db/kensa.db)."})
    Path output;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: $XDG_CACHE_HOME/kensa or ~/.cache/kensa).")
    Path cacheDir;

    @Option(names = "--java-index-artifacts", paramLabel = "FILE",
            description = "Crawl a Maven repository for the Java index of these artifacts: one groupId:artifactId a line.")
    Path javaIndexArtifacts;

    @Option(names = "--maven-repo", paramLabel = "URL", defaultValue = DEFAULT_MAVEN_REPO,
            description = {"Maven repository to crawl (default:", "${DEFAULT-VALUE})."})
    String mavenRepo;

    @Option(names = "--maven-concurrency", paramLabel = "N", defaultValue = "8",
            description = "Requests in flight at most during the crawl (default: ${DEFAULT-VALUE}).")
    int mavenConcurrency;

    @Option(names = "--java-index-tsv", paramLabel = "FILE",
            description = "Also write the crawled Java index as a sha1-index.tsv (the feeds-folder format).")
    Path javaIndexTsv;

    @Override
    public Integer call() throws Exception {
        if (feeds == null && javaIndexArtifacts == null) {
            throw new KensaException("give --feeds DIR, --java-index-artifacts FILE, or both");
        }
        if (javaIndexArtifacts == null && javaIndexTsv != null) {
            throw new KensaException("--java-index-tsv needs --java-index-artifacts");
        }
        if (mavenConcurrency < 1 || mavenConcurrency > 64) {
            throw new KensaException("--maven-concurrency must be between 1 and 64");
        }
        Path target = (output != null ? output : DbOptions.defaultFile(CacheOptions.dir(cacheDir))).toAbsolutePath();
        FeedRegistry registry = FeedRegistry.defaults();
        if (javaIndexArtifacts != null) {
            MavenIndexCrawler crawler = new MavenIndexCrawler(repositoryUri(), CrawlSettings.DEFAULT
                    .withConcurrency(mavenConcurrency), target.resolveSibling(target.getFileName() + ".maven-crawl"));
            registry = registry.with(new MavenRepositoryFeed(crawler, ArtifactList.read(javaIndexArtifacts), javaIndexTsv));
        }
        BuildResult result = new DatabaseBuilder(registry, Clock.system(ZoneOffset.UTC), DbBuildCommand::printFeed)
                .build(feeds, target);
        System.out.println("wrote " + result.output() + ": " + HumanFormat.bytes(result.bytes()) + " in "
                + HumanFormat.duration(result.elapsed()));
        return 0;
    }

    private URI repositoryUri() {
        try {
            return new URI(mavenRepo);
        } catch (URISyntaxException e) {
            throw new KensaException("--maven-repo: not a URL: " + mavenRepo);
        }
    }

    private static void printFeed(FeedReport feed) {
        System.out.println(feed.id() + ": " + HumanFormat.count(feed.records()) + " records from " + feed.source()
                + (feed.snapshot() == null ? "" : " (data of " + feed.snapshot().toString().substring(0, 10) + ")")
                + (feed.warningCount() == 0 ? "" : ", " + HumanFormat.count(feed.warningCount()) + " skipped"));
        feed.firstWarnings().stream().limit(WARNINGS_SHOWN)
                .forEach(w -> System.err.println("kensa: warning: " + w));
        if (feed.warningCount() > WARNINGS_SHOWN) {
            System.err.println("kensa: warning: " + HumanFormat.count(feed.warningCount() - WARNINGS_SHOWN)
                    + " more skipped records in " + feed.id());
        }
    }
}
