package io.kensa.db.feed.epss;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EPSS scores (FIRST's Exploit Prediction Scoring System) from {@code epss/}: FIRST's daily CSV
 * ({@link EpssCsvFile}) or Vuls' JSON rendition of it ({@link EpssJsonFile}). EPSS is one day's prediction, not a
 * history, so only the newest day present is loaded (FIRST's own file when both forms hold that day). Its day and
 * model are the metadata {@code epss_score_date} and {@code epss_model_version}, and the day is the snapshot date.
 */
public final class EpssFeed implements Feed {
    public static final String ID = "epss";
    public static final String FOLDER = "epss";
    /** A day of scores is about 10 MB of CSV (some 300,000 CVEs). */
    static final long MAX_FILE = 1L << 30;

    private final long maxFile;

    public EpssFeed() {
        this(MAX_FILE);
    }

    EpssFeed(long maxFile) {
        this.maxFile = maxFile;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return FOLDER + "/*.{csv,json}(.gz)";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return !files(feedsDir).isEmpty();
    }

    private List<EpssFile> files(Path feedsDir) {
        List<EpssFile> files = new ArrayList<>();
        for (Path p : FeedFiles.list(feedsDir, FOLDER, n -> n.endsWith(".csv") || n.endsWith(".csv.gz")
                || n.endsWith(".json") || n.endsWith(".json.gz"))) {
            String where = FeedFiles.where(feedsDir, p);
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
            files.add(csv ? new EpssCsvFile(p, where, maxFile) : new EpssJsonFile(p, where, maxFile));
        }
        return files;
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        EpssFile newest = null;
        EpssSnapshot newestSnapshot = null;
        for (EpssFile f : files(feedsDir)) {
            EpssSnapshot s = read(f, () -> f.snapshot());
            if (newest == null || newer(s, f, newestSnapshot, newest)) {
                newest = f;
                newestSnapshot = s;
            }
        }
        if (newest == null) {
            throw new KensaException(FOLDER + ": no EPSS file");
        }
        EpssFile chosen = newest;
        long records = read(chosen, () -> chosen.load(db, warnings));
        if (newestSnapshot.scoreDate() != null) {
            db.putMetadata("epss_score_date", newestSnapshot.scoreDate().toString());
        }
        if (newestSnapshot.modelVersion() != null) {
            db.putMetadata("epss_model_version", newestSnapshot.modelVersion());
        }
        db.putMetadata("epss_file", chosen.where());
        return new FeedResult(records, newestSnapshot.scoreDate());
    }

    /** Whether {@code s} of {@code f} is a newer day than {@code than} of {@code thanFile} (same day: FIRST's own file). */
    private static boolean newer(EpssSnapshot s, EpssFile f, EpssSnapshot than, EpssFile thanFile) {
        Instant a = s.scoreDate() == null ? Instant.MIN : s.scoreDate();
        Instant b = than.scoreDate() == null ? Instant.MIN : than.scoreDate();
        int c = a.compareTo(b);
        if (c != 0) {
            return c > 0;
        }
        return f.nativeFormat() && !thanFile.nativeFormat();
    }

    private interface Io<T> {
        T run() throws IOException, SQLException;
    }

    private static <T> T read(EpssFile f, Io<T> io) throws IOException, SQLException {
        try {
            return io.run();
        } catch (KensaException e) {
            throw e;
        } catch (IOException e) {
            throw new KensaException(f.where() + ": unreadable (" + e.getMessage() + ")", e);
        }
    }
}
