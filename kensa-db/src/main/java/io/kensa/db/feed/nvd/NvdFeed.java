package io.kensa.db.feed.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.feed.JsonRecordStream;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * NVD's CVE API 2.0 responses ({@code https://services.nvd.nist.gov/rest/json/cves/2.0}), as saved pages:
 * {@code nvd/*.json} or {@code nvd/*.json.gz}, each {@code {"format": "NVD_CVE", "timestamp": ...,
 * "vulnerabilities": [{"cve": {...}}, ...]}}. Each CVE becomes a {@link VulnerabilityRecord} of feed {@code nvd}
 * ({@link NvdRecords}); rejected CVEs are skipped and counted (metadata {@code nvd_rejected}). A CVE found in
 * several pages keeps its most recently modified record. Pages are streamed: a multi-gigabyte dump costs one
 * record of memory at a time.
 */
public final class NvdFeed implements Feed {
    public static final String ID = "nvd";
    public static final String FOLDER = "nvd";
    /** Above any NVD dump (all of NVD, uncompressed, is a few GB). */
    static final long MAX_FILE = 32L << 30;
    /** The largest real record is about 1.6 MB (a Go CVE with Red Hat's per-product affected data). */
    static final long MAX_RECORD = 32L << 20;
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");

    private final long maxFile;

    public NvdFeed() {
        this(MAX_FILE);
    }

    NvdFeed(long maxFile) {
        this.maxFile = maxFile;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return FOLDER + "/*.json(.gz)";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return !files(feedsDir).isEmpty();
    }

    private static List<Path> files(Path feedsDir) {
        return FeedFiles.list(feedsDir, FOLDER, n -> n.endsWith(".json") || n.endsWith(".json.gz"));
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Map<String, Instant> loaded = new HashMap<>();
        long[] rejected = {0};
        Instant snapshot = null;
        for (Path file : files(feedsDir)) {
            String where = FeedFiles.where(feedsDir, file);
            Map<String, String> header;
            try (CappedInputStream in = FeedFiles.open(file, where, maxFile, MAX_RECORD)) {
                header = JsonRecordStream.read(in, where, "vulnerabilities", (index, element) -> {
                    NvdRecords.Parsed parsed = NvdRecords.parse(element.path("cve"), where + " vulnerabilities["
                            + index + "]", warnings);
                    if (parsed == null) {
                        return;
                    }
                    if (parsed.rejected()) {
                        rejected[0]++;
                        return;
                    }
                    store(parsed.record(), loaded, db);
                });
            } catch (KensaException e) {
                throw e;
            } catch (IOException e) {
                throw new KensaException(where + ": unreadable (" + e.getMessage() + ")", e);
            }
            checkFormat(header, where);
            Instant stamp = FeedDates.instant(header.get("timestamp"));
            if (stamp != null && (snapshot == null || stamp.isAfter(snapshot))) {
                snapshot = stamp;
            }
        }
        db.putMetadata("nvd_rejected", Long.toString(rejected[0]));
        return new FeedResult(loaded.size(), snapshot);
    }

    /** Stores {@code r} unless a record of the same CVE modified later was stored already. */
    private static void store(VulnerabilityRecord r, Map<String, Instant> loaded, DatabaseWriter db)
            throws SQLException {
        Instant modified = r.modified() == null ? Instant.MIN : r.modified();
        Instant before = loaded.get(r.id());
        if (before != null && before.isAfter(modified)) {
            return;
        }
        loaded.put(r.id(), modified);
        db.addVulnerability(r);
    }

    private static void checkFormat(Map<String, String> header, String where) {
        String format = header.get("format");
        if (format != null && !format.equals("NVD_CVE")) {
            throw new KensaException(where + ": an NVD API response of format '" + format
                    + "', not NVD_CVE (the CVE API 2.0)");
        }
    }

    static boolean isCve(String id) {
        return id != null && CVE.matcher(id).matches();
    }
}
