package io.kensa.db.feed.cwe;

import io.kensa.core.KensaException;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.CsvRows;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * CWE names from MITRE's CSV downloads ({@code https://cwe.mitre.org/data/csv/1000.csv.zip}, {@code 699.csv.zip}
 * …): {@code cwe/*.csv.zip}, one CSV per zip, or the CSV itself ({@code cwe/*.csv}). Of each row only
 * {@code CWE-ID} (the number) and {@code Name} are kept, as {@code CWE-<id>}; a CWE in several views is stored
 * once. The downloads carry no date, so the snapshot is the newest file's modification time.
 */
public final class CweFeed implements Feed {
    public static final String ID = "cwe";
    public static final String FOLDER = "cwe";
    /** MITRE's largest view (all of CWE) is some 10 MB of CSV. */
    static final long MAX_ENTRY = 256L << 20;
    /** A zip of one CSV; a few more entries (a readme) are tolerated, thousands are not this download. */
    static final int MAX_ENTRIES = 64;
    /** Names are a line (the longest is some 150 characters). */
    private static final int MAX_NAME = 1000;
    private static final Pattern ID_PATTERN = Pattern.compile("(?:CWE-)?(\\d{1,6})");

    private final long maxEntry;

    public CweFeed() {
        this(MAX_ENTRY);
    }

    CweFeed(long maxEntry) {
        this.maxEntry = maxEntry;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return FOLDER + "/*.csv(.zip)";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return !FeedFiles.list(feedsDir, FOLDER, CweFeed::isData).isEmpty();
    }

    private static boolean isData(String lowerCaseName) {
        return lowerCaseName.endsWith(".csv.zip") || lowerCaseName.endsWith(".csv");
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Set<String> ids = new HashSet<>();
        Instant newest = null;
        for (Path file : FeedFiles.list(feedsDir, FOLDER, CweFeed::isData)) {
            String where = FeedFiles.where(feedsDir, file);
            try {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    loadZip(file, where, db, warnings, ids);
                } else {
                    try (CappedInputStream in = FeedFiles.open(file, where, maxEntry)) {
                        loadCsv(in, where, db, warnings, ids);
                    }
                }
            } catch (KensaException e) {
                throw e;
            } catch (IOException e) {
                throw new KensaException(where + ": unreadable (" + e.getMessage() + ")", e);
            }
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            newest = newest == null || modified.isAfter(newest) ? modified : newest;
        }
        return new FeedResult(ids.size(), newest);
    }

    private void loadZip(Path file, String where, DatabaseWriter db, FeedWarnings warnings, Set<String> ids)
            throws IOException, SQLException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new KensaException(where + ": not a zip archive (" + e.getMessage() + ")", e);
        }
        try (zip) {
            if (zip.size() > MAX_ENTRIES) {
                throw new KensaException(where + ": " + zip.size() + " entries; MITRE's CSV download holds one CSV");
            }
            int csvs = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                csvs++;
                String at = where + "!" + e.getName();
                if (e.getSize() > maxEntry) {
                    warnings.add(at, "larger than " + maxEntry + " bytes uncompressed (" + e.getSize() + "); skipped");
                    continue;
                }
                try (InputStream raw = zip.getInputStream(e);
                     CappedInputStream in = new CappedInputStream(raw, at, maxEntry)) {
                    loadCsv(in, at, db, warnings, ids);
                }
            }
            if (csvs == 0) {
                throw new KensaException(where + ": no .csv entry (not a CWE CSV download)");
            }
        }
    }

    private static void loadCsv(InputStream in, String where, DatabaseWriter db, FeedWarnings warnings, Set<String> ids)
            throws IOException, SQLException {
        try (CsvRows csv = CsvRows.open(in, where)) {
            int id = csv.column("CWE-ID");
            int name = csv.column("Name");
            if (id < 0 || name < 0) {
                throw new KensaException(where + ": not a CWE CSV (no CWE-ID and Name columns)");
            }
            String[] row;
            while ((row = csv.next()) != null) {
                String at = where + " line " + csv.line();
                String rawId = CsvRows.field(row, id);
                String rawName = CsvRows.field(row, name);
                Matcher m = rawId == null ? null : ID_PATTERN.matcher(rawId);
                if (m == null || !m.matches()) {
                    warnings.add(at, "not a CWE id: '" + FeedText.clip(rawId) + "'");
                } else if (rawName == null || rawName.isEmpty() || rawName.length() > MAX_NAME) {
                    warnings.add(at, "CWE-" + m.group(1) + " has " + (rawName == null || rawName.isEmpty()
                            ? "no name" : "a name longer than " + MAX_NAME + " characters"));
                } else {
                    String cwe = "CWE-" + Integer.parseInt(m.group(1));
                    db.addCwe(cwe, rawName);
                    ids.add(cwe);
                }
            }
        }
    }
}
