package io.kensa.db.feed.maven;

import io.kensa.core.KensaException;
import io.kensa.core.MavenCoordinates;
import io.kensa.db.feed.BoundedLineReader;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;
import io.kensa.db.store.JavaIndexEntry;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The Java index as a tab-separated file, {@code maven/sha1-index.tsv}: a header {@code sha1<TAB>gav}, then one
 * published jar per line, {@code <sha1 hex><TAB>groupId:artifactId:version}. A malformed row is skipped with a
 * warning naming the file and line; a file that is not this format (another header, not UTF-8 text) fails the
 * build. The format has no date, so the snapshot date is the file's modification time.
 */
public final class MavenSha1IndexFeed implements Feed {
    public static final String ID = "maven-sha1-index";
    public static final String PATH = "maven/sha1-index.tsv";
    static final String HEADER = "sha1\tgav";
    /** A longer line is not a row of this file (sha1 + a tab + coordinates far longer than any on Maven Central). */
    private static final int MAX_LINE = 4096;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return PATH;
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return feedsDir != null && Files.isRegularFile(feedsDir.resolve(PATH));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Path file = feedsDir.resolve(PATH);
        long records = 0;
        int lineNo = 0;
        try (BoundedLineReader in = new BoundedLineReader(Files.newInputStream(file), MAX_LINE)) {
            String line;
            while ((line = readLine(in, lineNo + 1)) != null) {
                lineNo++;
                if (lineNo == 1) {
                    if (!HEADER.equals(stripBom(line).strip())) {
                        throw new KensaException(PATH + ": not a Java sha1 index (line 1 is not the header 'sha1<TAB>gav')");
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                JavaIndexEntry entry = in.lastLineTooLong() ? tooLong(warnings, lineNo) : parse(line, warnings, lineNo);
                if (entry != null) {
                    db.javaIndex().add(entry);
                    records++;
                }
            }
        }
        if (lineNo == 0) {
            throw new KensaException(PATH + ": empty file");
        }
        return new FeedResult(records, Files.getLastModifiedTime(file).toInstant());
    }

    private static String readLine(BoundedLineReader in, int lineNo) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new KensaException(PATH + ": not UTF-8 text (line " + lineNo + ")", e);
        }
    }

    private static JavaIndexEntry parse(String line, FeedWarnings warnings, int lineNo) {
        String where = PATH + " line " + lineNo;
        String[] cols = line.split("\t", -1);
        if (cols.length != 2) {
            warnings.add(where, "expected 2 tab-separated columns, found " + cols.length);
            return null;
        }
        String sha1 = cols[0].strip();
        if (!JavaIndexEntry.isSha1(sha1)) {
            warnings.add(where, "not a sha1: '" + clip(sha1) + "'");
            return null;
        }
        MavenCoordinates gav = MavenCoordinates.parse(cols[1].strip());
        if (gav == null || !printable(cols[1].strip())) {
            warnings.add(where, "not groupId:artifactId:version: '" + clip(cols[1]) + "'");
            return null;
        }
        return new JavaIndexEntry(sha1, gav);
    }

    private static JavaIndexEntry tooLong(FeedWarnings warnings, int lineNo) {
        warnings.add(PATH + " line " + lineNo, "line longer than " + MAX_LINE + " characters");
        return null;
    }

    /** Coordinates never hold white space or control characters. */
    private static boolean printable(String s) {
        return s.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
