package io.kensa.db.build.maven;

import io.kensa.core.KensaException;
import io.kensa.db.feed.BoundedLineReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The artifacts file of a crawl: one {@code groupId:artifactId} per line; blank lines and lines starting with
 * {@code #} are ignored. A malformed line fails with one line naming it (the file is the user's own input).
 */
public final class ArtifactList {
    private static final int MAX_LINE = 1024;
    private static final int MAX_ARTIFACTS = 100_000;

    private ArtifactList() {
    }

    private static String next(BoundedLineReader in, Path file, int lineNo) throws IOException {
        try {
            return in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KensaException(file + " line " + lineNo + ": not UTF-8 text");
        }
    }

    public static List<MavenArtifact> read(Path file) throws IOException {
        Set<MavenArtifact> artifacts = new LinkedHashSet<>();
        try (BoundedLineReader in = new BoundedLineReader(Files.newInputStream(file), MAX_LINE)) {
            String line;
            int n = 0;
            while ((line = next(in, file, n + 1)) != null) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                MavenArtifact a = in.lastLineTooLong() ? null : MavenArtifact.parse(text);
                if (a == null) {
                    throw new KensaException(file + " line " + n + ": expected groupId:artifactId, found '"
                            + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'");
                }
                artifacts.add(a);
                if (artifacts.size() > MAX_ARTIFACTS) {
                    throw new KensaException(file + ": more than " + MAX_ARTIFACTS + " artifacts");
                }
            }
        }
        if (artifacts.isEmpty()) {
            throw new KensaException(file + ": no groupId:artifactId line");
        }
        return new ArrayList<>(artifacts);
    }
}
