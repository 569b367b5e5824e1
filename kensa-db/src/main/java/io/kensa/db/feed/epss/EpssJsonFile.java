package io.kensa.db.feed.epss;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.feed.JsonRecordStream;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Vuls' JSON rendition of one EPSS day ({@code vuls-data-raw-epss-YYYY-MM-DD.json.gz}, also read uncompressed):
 * {@code {"score_date": "2021-08-31T00:00:00+0000", "data": [{"id": "CVE-…", "epss": 0.05885}, ...]}}, without
 * percentiles and without the model version.
 */
record EpssJsonFile(Path path, String where, long maxFile) implements EpssFile {
    private static final long MAX_RECORD = 1L << 16;

    @Override
    public boolean nativeFormat() {
        return false;
    }

    @Override
    public EpssSnapshot snapshot() throws IOException {
        try (CappedInputStream in = FeedFiles.open(path, where, maxFile)) {
            String text = JsonRecordStream.scalar(in, where, "score_date");
            if (text == null) {
                return new EpssSnapshot(EpssFile.dateInName(path), null);
            }
            Instant date = FeedDates.instant(text);
            if (date == null) {
                throw new KensaException(where + ": score_date is not a date: '" + text + "'");
            }
            return new EpssSnapshot(date, null);
        }
    }

    @Override
    public long load(DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        long[] records = {0};
        try (CappedInputStream in = FeedFiles.open(path, where, maxFile, MAX_RECORD)) {
            JsonRecordStream.read(in, where, "data", (index, e) -> {
                String at = where + " data[" + index + "]";
                if (!e.isObject()) {
                    warnings.add(at, "not an object");
                    return;
                }
                var s = EpssCsvFile.score(text(e.path("id")), text(e.path("epss")), null, at, warnings);
                if (s != null) {
                    db.addEpss(s);
                    records[0]++;
                }
            });
        }
        return records[0];
    }

    private static String text(JsonNode v) {
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
