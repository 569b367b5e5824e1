package io.kensa.db.build.maven;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress of a crawl, kept in a journal file so that a crawl that was interrupted (killed, or stopped by
 * failing requests) resumes where it stopped: a rerun fetches only what the journal does not hold.
 *
 * <p>The journal is a text file of tab-separated lines, appended and flushed as each answer arrives:
 * <pre>
 * kensa-maven-crawl  1  REPOSITORY-URL  START-TIME        header: a journal of another repository is discarded
 * V  groupId:artifactId  version...                        the versions maven-metadata.xml lists (none: absent)
 * J  groupId:artifactId:version  sha1                      the sha1 the repository publishes for the version's jar
 * N  groupId:artifactId:version                            no usable .jar.sha1 (404, or malformed: see W)
 * W  where  message                                        a warning, replayed on resume
 * </pre>
 * A last line cut short by a kill is dropped (and the file truncated to its last complete line). Since artifacts'
 * version lists can grow, the journal is deleted once the database it fed is in place: the next build starts over.
 */
final class CrawlState implements AutoCloseable {
    private static final String MAGIC = "kensa-maven-crawl";
    private static final String FORMAT = "1";

    private final Path file;
    private final Instant started;
    private final Map<String, List<String>> versions = new HashMap<>();
    private final Map<String, Optional<String>> sha1s = new HashMap<>();
    private final List<String[]> warnings = new ArrayList<>();
    private final Writer out;
    private int resumed;

    private CrawlState(Path file, Instant started, Writer out) {
        this.file = file;
        this.started = started;
        this.out = out;
    }

    /** Opens the journal at {@code file} for {@code repository}, resuming it when it belongs to that repository. */
    static CrawlState open(Path file, String repository) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        long complete = readCompleteLines(file, lines);
        String[] header = lines.isEmpty() ? null : lines.getFirst().split("\t", -1);
        Instant started = header != null && header.length == 4 && MAGIC.equals(header[0]) && FORMAT.equals(header[1])
                && repository.equals(header[2]) ? instant(header[3]) : null;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        CrawlState state;
        if (started == null) {
            channel.truncate(0);
            started = Instant.now();
            state = new CrawlState(file, started, Channels.newWriter(channel, StandardCharsets.UTF_8));
            state.append(String.join("\t", MAGIC, FORMAT, repository, started.toString()));
        } else {
            channel.truncate(complete);
            channel.position(complete);
            state = new CrawlState(file, started, Channels.newWriter(channel, StandardCharsets.UTF_8));
            for (String line : lines.subList(1, lines.size())) {
                state.replay(line.split("\t", -1));
            }
        }
        return state;
    }

    /** Reads the lines ended by a newline; returns the byte length they span. */
    private static long readCompleteLines(Path file, List<String> lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        long complete = 0;
        long pos = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    complete = pos;
                } else if (line.size() < 1 << 20) {
                    line.write(b);
                }
            }
        }
        return complete;
    }

    private void replay(String[] f) {
        switch (f[0]) {
            case "V" -> {
                if (f.length >= 2) {
                    versions.put(f[1], List.of(f).subList(2, f.length));
                    resumed++;
                }
            }
            case "J" -> {
                if (f.length == 3) {
                    sha1s.put(f[1], Optional.of(f[2]));
                    resumed++;
                }
            }
            case "N" -> {
                if (f.length == 2) {
                    sha1s.put(f[1], Optional.empty());
                    resumed++;
                }
            }
            case "W" -> {
                if (f.length == 3) {
                    warnings.add(new String[]{f[1], f[2]});
                }
            }
            default -> {
                // an unknown record: ignored
            }
        }
    }

    Instant started() {
        return started;
    }

    Path file() {
        return file;
    }

    /** Answers taken from the journal rather than fetched. */
    int resumed() {
        return resumed;
    }

    synchronized List<String> versions(MavenArtifact artifact) {
        return versions.get(artifact.toString());
    }

    /** The sha1 of a version's jar: null when unknown yet, empty when the repository has none. */
    synchronized Optional<String> sha1(MavenArtifact artifact, String version) {
        return sha1s.get(artifact + ":" + version);
    }

    synchronized List<String[]> warnings() {
        return List.copyOf(warnings);
    }

    synchronized void recordVersions(MavenArtifact artifact, List<String> list, List<String[]> newWarnings)
            throws IOException {
        StringBuilder b = warningLines(newWarnings);
        b.append("V\t").append(artifact);
        list.forEach(v -> b.append('\t').append(v));
        append(b.toString());
        versions.put(artifact.toString(), List.copyOf(list));
        warnings.addAll(newWarnings);
    }

    synchronized void recordSha1(MavenArtifact artifact, String version, String sha1, List<String[]> newWarnings)
            throws IOException {
        String gav = artifact + ":" + version;
        StringBuilder b = warningLines(newWarnings);
        b.append(sha1 == null ? "N\t" + gav : "J\t" + gav + "\t" + sha1);
        append(b.toString());
        sha1s.put(gav, Optional.ofNullable(sha1));
        warnings.addAll(newWarnings);
    }

    private static StringBuilder warningLines(List<String[]> newWarnings) {
        StringBuilder b = new StringBuilder();
        for (String[] w : newWarnings) {
            b.append("W\t").append(clean(w[0])).append('\t').append(clean(w[1])).append('\n');
        }
        return b;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private void append(String lines) throws IOException {
        out.write(lines);
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
