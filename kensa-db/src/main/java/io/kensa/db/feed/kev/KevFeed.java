package io.kensa.db.feed.kev;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;
import io.kensa.core.vuln.KevEntry;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.CsvRows;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.feed.JsonRecordStream;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CISA's Known Exploited Vulnerabilities catalog as CISA serves it: {@code kev/known_exploited_vulnerabilities.json}
 * ({@code {"catalogVersion", "dateReleased", "count", "vulnerabilities": [{"cveID", "dateAdded", "dueDate",
 * "knownRansomwareCampaignUse", ...}]}}), or, when only it is there, the CSV download with the same columns. The
 * JSON's {@code dateReleased} is the snapshot date and its {@code catalogVersion} the metadata
 * {@code kev_catalog_version}; the CSV carries neither, so its snapshot is the newest {@code dateAdded}.
 */
public final class KevFeed implements Feed {
    public static final String ID = "kev";
    public static final String JSON = "kev/known_exploited_vulnerabilities.json";
    public static final String CSV = "kev/known_exploited_vulnerabilities.csv";
    /** The catalog is about a megabyte; a hundred times that is not a catalog. */
    static final long MAX_FILE = 256L << 20;
    private static final long MAX_RECORD = 1L << 20;
    /** The catalog's schema: {@code ^CVE-[0-9]{4}-[0-9]{4,19}$}. */
    private static final Pattern CVE = Pattern.compile("CVE-[0-9]{4}-[0-9]{4,19}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return "kev/known_exploited_vulnerabilities.{json,csv}";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return feedsDir != null
                && (Files.isRegularFile(feedsDir.resolve(JSON)) || Files.isRegularFile(feedsDir.resolve(CSV)));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        boolean json = Files.isRegularFile(feedsDir.resolve(JSON));
        String where = json ? JSON : CSV;
        try (CappedInputStream in = FeedFiles.open(feedsDir.resolve(where), where, MAX_FILE, MAX_RECORD)) {
            return json ? loadJson(in, db, warnings) : loadCsv(in, db, warnings);
        } catch (KensaException e) {
            throw e;
        } catch (IOException e) {
            throw new KensaException(where + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static FeedResult loadJson(CappedInputStream in, DatabaseWriter db, FeedWarnings warnings)
            throws IOException, SQLException {
        Set<String> cves = new HashSet<>();
        Map<String, String> header = JsonRecordStream.read(in, JSON, "vulnerabilities", (index, v) -> {
            String where = JSON + " vulnerabilities[" + index + "]";
            if (!v.isObject()) {
                warnings.add(where, "not an object");
                return;
            }
            add(entry(text(v, "cveID"), text(v, "dateAdded"), text(v, "dueDate"),
                    text(v, "knownRansomwareCampaignUse"), where, warnings), cves, db);
        });
        Instant released = FeedDates.instant(header.get("dateReleased"));
        if (header.get("catalogVersion") != null) {
            db.putMetadata("kev_catalog_version", header.get("catalogVersion"));
        }
        return new FeedResult(cves.size(), released);
    }

    private static FeedResult loadCsv(CappedInputStream in, DatabaseWriter db, FeedWarnings warnings)
            throws IOException, SQLException {
        Set<String> cves = new HashSet<>();
        LocalDate newest = null;
        try (CsvRows csv = CsvRows.open(in, CSV)) {
            int cve = csv.column("cveID");
            int added = csv.column("dateAdded");
            int due = csv.column("dueDate");
            int ransomware = csv.column("knownRansomwareCampaignUse");
            if (cve < 0 || added < 0) {
                throw new KensaException(CSV + ": not the KEV catalog (no cveID and dateAdded columns)");
            }
            String[] row;
            while ((row = csv.next()) != null) {
                KevEntry e = entry(CsvRows.field(row, cve), CsvRows.field(row, added), CsvRows.field(row, due),
                        CsvRows.field(row, ransomware), CSV + " line " + csv.line(), warnings);
                add(e, cves, db);
                if (e != null && (newest == null || e.dateAdded().isAfter(newest))) {
                    newest = e.dateAdded();
                }
            }
        }
        return new FeedResult(cves.size(), newest == null ? null : newest.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static void add(KevEntry e, Set<String> cves, DatabaseWriter db) throws SQLException {
        if (e != null) {
            cves.add(e.cve());
            db.addKev(e);
        }
    }

    /** The entry, or null with a warning when its CVE id or date added is not what the catalog's schema says. */
    private static KevEntry entry(String cve, String dateAdded, String dueDate, String ransomware, String where,
                                  FeedWarnings warnings) {
        if (cve == null || !CVE.matcher(cve).matches()) {
            warnings.add(where, "not a CVE id: '" + FeedText.clip(cve) + "'");
            return null;
        }
        LocalDate added = FeedDates.date(dateAdded);
        if (added == null) {
            warnings.add(where + " (" + cve + ")", "dateAdded is not a date: '" + FeedText.clip(dateAdded) + "'");
            return null;
        }
        LocalDate due = FeedDates.date(dueDate);
        if (due == null && dueDate != null && !dueDate.isBlank()) {
            warnings.add(where + " (" + cve + ")", "dueDate is not a date: '" + FeedText.clip(dueDate) + "'; left out");
        }
        String use = ransomware == null || ransomware.isBlank() ? null : FeedText.clip(ransomware);
        return new KevEntry(cve, added, due, use);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
