package io.kensa.db.feed.osv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kensa.core.KensaException;
import io.kensa.db.feed.FeedWarnings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an OSV {@code all.zip} entry by entry (one {@code <ID>.json} record each), never holding more than one
 * record in memory. Bounded against hostile archives: at most {@value #MAX_ENTRIES} entries, {@value #MAX_RECORD}
 * bytes inflated per record and {@value #MAX_TOTAL} bytes in all; past a bound, or on a file that is not a zip or
 * an entry that does not inflate, the whole archive fails with one line. A record that is not JSON, not an OSV record,
 * or has no id is skipped with a warning naming the zip and the entry.
 */
final class OsvZipReader {
    static final int MAX_ENTRIES = 2_000_000;
    static final int MAX_RECORD = 16 << 20;
    static final long MAX_TOTAL = 16L << 30;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Receives each well-formed record. */
    interface RecordHandler {
        void accept(String where, OsvRecord record) throws SQLException;
    }

    /**
     * @param entries         the JSON entries read (well-formed or not)
     * @param newestEntryTime the latest modification time of an entry, null when none has one
     */
    record Result(long entries, Instant newestEntryTime) {
    }

    private final int maxEntries;
    private final int maxRecord;
    private final long maxTotal;
    private byte[] buffer;

    OsvZipReader() {
        this(MAX_ENTRIES, MAX_RECORD, MAX_TOTAL);
    }

    /** A reader with other bounds (tests). */
    OsvZipReader(int maxEntries, int maxRecord, long maxTotal) {
        this.maxEntries = maxEntries;
        this.maxRecord = maxRecord;
        this.maxTotal = maxTotal;
        this.buffer = new byte[(int) Math.min(1 << 16, maxRecord + 1L)];
    }

    /** Reads {@code zip}, named {@code name} in messages (its path in the feeds folder). */
    Result read(Path zip, String name, FeedWarnings warnings, RecordHandler handler) throws IOException, SQLException {
        try (ZipFile file = open(zip, name)) {
            if (file.size() > maxEntries) {
                throw new KensaException(name + ": " + String.format("%,d", file.size()) + " entries, more than the "
                        + String.format("%,d", maxEntries) + " an OSV all.zip may hold");
            }
            long entries = 0;
            long total = 0;
            Instant newest = null;
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                entries++;
                String where = name + "!" + OsvRecordConverter.clip(entry.getName());
                int length = inflate(file, entry, where);
                total += length;
                if (total > maxTotal) {
                    throw new KensaException(name + ": inflates past " + String.format("%,d", maxTotal)
                            + " bytes: not an OSV all.zip");
                }
                if (entry.getLastModifiedTime() != null) {
                    Instant t = entry.getLastModifiedTime().toInstant();
                    newest = newest == null || t.isAfter(newest) ? t : newest;
                }
                OsvRecord record = parse(length, where, warnings);
                if (record != null) {
                    handler.accept(where, record);
                }
            }
            return new Result(entries, newest);
        }
    }

    private static ZipFile open(Path zip, String name) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new KensaException(name + ": not a zip archive (" + e.getMessage() + ")", e);
        }
    }

    /** Inflates {@code entry} into the buffer; its length. */
    private int inflate(ZipFile file, ZipEntry entry, String where) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxRecord) {
                        throw new KensaException(where + ": inflates past " + String.format("%,d", maxRecord)
                                + " bytes: not an OSV record (zip bomb?)");
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxRecord + 1));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return length;
                }
                length += n;
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new KensaException(where + ": damaged zip entry (" + e.getMessage() + ")", e);
        }
    }

    private OsvRecord parse(int length, String where, FeedWarnings warnings) {
        OsvRecord record;
        try {
            record = JSON.readValue(buffer, 0, length, OsvRecord.class);
        } catch (JsonProcessingException e) {
            warnings.add(where, "not an OSV record (" + OsvRecordConverter.clip(e.getOriginalMessage()) + "), skipped");
            return null;
        } catch (IOException e) {
            warnings.add(where, "unreadable (" + OsvRecordConverter.clip(e.getMessage()) + "), skipped");
            return null;
        }
        if (record == null || record.id() == null || record.id().isBlank()) {
            warnings.add(where, "no id, skipped");
            return null;
        }
        return record;
    }
}
