package io.kensa.db.build.maven;

import io.kensa.core.KensaException;
import io.kensa.core.MavenCoordinates;
import io.kensa.db.store.JavaIndexEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds Java index rows by crawling a Maven repository (Maven Central's layout): for each artifact its
 * {@code maven-metadata.xml} lists the versions, then each version's {@code <artifactId>-<version>.jar.sha1} gives
 * the sha1 of the published jar. Versions without a jar (404: pom-only releases) are skipped, not errors.
 *
 * <p>Requests run on a pool of {@link CrawlSettings#concurrency()} threads, each retried on 429/5xx/dropped
 * connections. Every answer is written to a journal ({@link CrawlState}) as it arrives. When requests fail for good,
 * the crawl carries on with the others, then fails with one line naming the journal: running the same build again
 * resumes, fetching only what the journal lacks.
 */
public final class MavenIndexCrawler {
    private static final int MAX_METADATA_BYTES = 16 << 20;
    private static final int MAX_SHA1_BYTES = 1024;

    private final URI repository;
    private final CrawlSettings settings;
    private final Path stateFile;

    /**
     * @param repository the repository's root URL, e.g. {@code https://repo1.maven.org/maven2}
     * @param stateFile  the progress journal (kept beside the database being built)
     */
    public MavenIndexCrawler(URI repository, CrawlSettings settings, Path stateFile) {
        String s = repository.toString();
        this.repository = URI.create(s.endsWith("/") ? s : s + "/");
        String scheme = this.repository.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || this.repository.getHost() == null) {
            throw new KensaException("not an http(s) repository URL: " + repository);
        }
        this.settings = settings;
        this.stateFile = stateFile;
    }

    public URI repository() {
        return repository;
    }

    public Path stateFile() {
        return stateFile;
    }

    public CrawlResult crawl(List<MavenArtifact> artifacts) throws IOException {
        try (CrawlState state = CrawlState.open(stateFile, repository.toString());
             RepositoryClient client = new RepositoryClient(settings)) {
            Run run = new Run(state, client);
            ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
                Thread t = new Thread(r, "kensa-maven-crawl");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> metadata = new ArrayList<>();
                for (MavenArtifact a : artifacts) {
                    if (state.versions(a) == null) {
                        metadata.add(pool.submit(() -> run.fetchVersions(a)));
                    }
                }
                awaitAll(metadata);
                List<Future<?>> jars = new ArrayList<>();
                for (MavenArtifact a : artifacts) {
                    for (String v : orEmpty(state.versions(a))) {
                        if (state.sha1(a, v) == null) {
                            jars.add(pool.submit(() -> run.fetchSha1(a, v)));
                        }
                    }
                }
                awaitAll(jars);
            } finally {
                pool.shutdownNow();
            }
            if (!run.failures.isEmpty()) {
                int total = run.attempted.get();
                throw new KensaException("crawl of " + repository + " incomplete: " + run.failed.get() + " of "
                        + total + " requests failed" + (run.skipped.get() > 0 ? " and " + run.skipped.get()
                        + " were not sent" : "") + " (first: " + run.failures.peek() + "); run the same command "
                        + "again to resume (progress is kept in " + stateFile + ")");
            }
            return result(artifacts, state, run);
        }
    }

    private static CrawlResult result(List<MavenArtifact> artifacts, CrawlState state, Run run) {
        List<JavaIndexEntry> entries = new ArrayList<>();
        int versions = 0;
        for (MavenArtifact a : artifacts) {
            for (String v : orEmpty(state.versions(a))) {
                versions++;
                Optional<String> sha1 = state.sha1(a, v);
                if (sha1 != null && sha1.isPresent()) {
                    entries.add(new JavaIndexEntry(sha1.get(), new MavenCoordinates(a.groupId(), a.artifactId(), v)));
                }
            }
        }
        entries.sort(null);
        List<String[]> warnings = new ArrayList<>(state.warnings()); // in a stable order, whatever the answers' order
        warnings.sort(java.util.Comparator.comparing((String[] w) -> w[0]).thenComparing(w -> w[1]));
        return new CrawlResult(List.copyOf(entries), List.copyOf(warnings), state.started(), run.attempted.get(),
                state.resumed(), versions);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static void awaitAll(List<Future<?>> futures) throws IOException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KensaException("crawl interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }
    }

    /** One crawl's shared counters. */
    private final class Run {
        final CrawlState state;
        final RepositoryClient client;
        final AtomicInteger attempted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        Run(CrawlState state, RepositoryClient client) {
            this.state = state;
            this.client = client;
        }

        void fetchVersions(MavenArtifact a) {
            URI uri = repository.resolve(a.path() + "maven-metadata.xml");
            Answer answer = fetch(uri, MAX_METADATA_BYTES);
            if (answer.failed()) {
                return;
            }
            byte[] xml = answer.body();
            List<String[]> warnings = new ArrayList<>();
            List<String> usable = new ArrayList<>();
            if (xml == null) {
                warnings.add(new String[]{a.toString(), "no maven-metadata.xml in the repository (HTTP 404)"});
            } else {
                try {
                    for (String v : MavenMetadata.versions(xml)) {
                        if (MavenArtifact.isVersion(v)) {
                            usable.add(v);
                        } else {
                            warnings.add(new String[]{a + " maven-metadata.xml", "unusable version '"
                                    + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "' skipped"});
                        }
                    }
                } catch (MavenMetadata.MalformedMetadataException e) {
                    warnings.add(new String[]{a + " maven-metadata.xml", e.getMessage()});
                }
            }
            record(() -> state.recordVersions(a, usable, warnings));
        }

        void fetchSha1(MavenArtifact a, String version) {
            URI uri = repository.resolve(a.sha1Path(version));
            Answer answer = fetch(uri, MAX_SHA1_BYTES);
            if (answer.failed()) {
                return;
            }
            byte[] body = answer.body();
            List<String[]> warnings = new ArrayList<>();
            String sha1 = null;
            if (body != null) {
                sha1 = parseSha1(body);
                if (sha1 == null) {
                    warnings.add(new String[]{a + ":" + version + " " + a.artifactId() + "-" + version + ".jar.sha1",
                            "not a sha1 checksum file"});
                }
            }
            String found = sha1;
            record(() -> state.recordSha1(a, version, found, warnings));
        }

        /** The answer to one request; a failure is counted (and not sent at all past the failure limit). */
        private Answer fetch(URI uri, int maxBytes) {
            if (failed.get() >= settings.maxFailures()) {
                skipped.incrementAndGet();
                return Answer.FAILED;
            }
            attempted.incrementAndGet();
            try {
                return new Answer(client.get(uri, maxBytes), false);
            } catch (RepositoryClient.FetchException e) {
                failed.incrementAndGet();
                failures.add(e.getMessage());
                return Answer.FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                skipped.incrementAndGet();
                return Answer.FAILED;
            }
        }

        private void record(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A file's bytes (null: the repository does not have it), or a failed request. */
    private record Answer(byte[] body, boolean failed) {
        static final Answer FAILED = new Answer(null, true);
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** A {@code .sha1} file: the hex digest, optionally followed by white space and the file name. */
    static String parseSha1(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII).strip();
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String token = text.substring(0, end);
        return JavaIndexEntry.isSha1(token) ? token.toLowerCase(Locale.ROOT) : null;
    }
}
