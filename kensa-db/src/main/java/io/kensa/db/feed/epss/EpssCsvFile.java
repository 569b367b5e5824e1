package io.kensa.db.feed.epss;

import io.kensa.core.KensaException;
import io.kensa.core.vuln.EpssScore;
import io.kensa.db.feed.CappedInputStream;
import io.kensa.db.feed.CsvRows;
import io.kensa.db.feed.FeedDates;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.store.DatabaseWriter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

/**
 * FIRST's daily EPSS file, {@code epss_scores-YYYY-MM-DD.csv.gz} (also read uncompressed): a first line
 * {@code #model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000}, the header {@code cve,epss,percentile},
 * then one row per scored CVE. Files from before the model line existed start at the header; their day is then
 * the one in the file name.
 */
record EpssCsvFile(Path path, String where, long maxFile) implements EpssFile {
    /** The model line is some sixty characters. */
    private static final int MAX_MODEL_LINE = 1024;

    @Override
    public boolean nativeFormat() {
        return true;
    }

    @Override
    public EpssSnapshot snapshot() throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(FeedFiles.open(path, where, maxFile))) {
            return snapshot(in);
        }
    }

    /** Reads the model line when there is one, leaving {@code in} at the header row either way. */
    private EpssSnapshot snapshot(BufferedInputStream in) throws IOException {
        in.mark(MAX_MODEL_LINE + 1);
        String first = firstLine(in);
        if (first == null || !first.startsWith("#")) {
            in.reset();
            return new EpssSnapshot(EpssFile.dateInName(path), null);
        }
        String model = null;
        Instant date = null;
        for (String part : first.substring(1).split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = part.substring(0, colon).strip();
            String value = part.substring(colon + 1).strip();
            if (key.equals("model_version") && !value.isEmpty()) {
                model = value;
            } else if (key.equals("score_date")) {
                date = FeedDates.instant(value);
                if (date == null) {
                    throw new KensaException(where + ": the model line's score_date is not a date: '" + value + "'");
                }
            }
        }
        return new EpssSnapshot(date != null ? date : EpssFile.dateInName(path), model);
    }

    /** The first line, or null when there is no line break within {@value #MAX_MODEL_LINE} bytes. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i <= MAX_MODEL_LINE; i++) {
            int b = in.read();
            if (b < 0 || b == '\n') {
                return line.toString(StandardCharsets.UTF_8).strip();
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public long load(DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        long records = 0;
        try (CappedInputStream capped = FeedFiles.open(path, where, maxFile);
             BufferedInputStream in = new BufferedInputStream(capped)) {
            in.mark(1);
            boolean modelLine = in.read() == '#';
            in.reset();
            snapshot(in);
            try (CsvRows csv = CsvRows.open(in, where, modelLine ? 1 : 0)) {
                int cve = csv.column("cve");
                int epss = csv.column("epss");
                int percentile = csv.column("percentile");
                if (cve < 0 || epss < 0) {
                    throw new KensaException(where + ": not an EPSS scores file (no cve and epss columns in "
                            + String.join(",", csv.header()) + ")");
                }
                String[] row;
                while ((row = csv.next()) != null) {
                    EpssScore s = score(CsvRows.field(row, cve), CsvRows.field(row, epss),
                            CsvRows.field(row, percentile), where + " line " + csv.line(), warnings);
                    if (s != null) {
                        db.addEpss(s);
                        records++;
                    }
                }
            }
        }
        return records;
    }

    /** The score of a row, or null with a warning when the row is not a CVE with a probability. */
    static EpssScore score(String cve, String epss, String percentile, String where, FeedWarnings warnings) {
        if (cve == null || !CVE.matcher(cve).matches()) {
            warnings.add(where, "not a CVE id: '" + FeedText.clip(cve) + "'");
            return null;
        }
        Double score = EpssFile.probability(epss);
        if (score == null) {
            warnings.add(where + " (" + cve + ")", "epss is not a probability: '" + FeedText.clip(epss)
                    + "'");
            return null;
        }
        Double rank = EpssFile.probability(percentile);
        if (rank == null && percentile != null && !percentile.isBlank()) {
            warnings.add(where + " (" + cve + ")", "percentile is not in [0, 1]: '" + FeedText.clip(percentile)
                    + "'");
            return null;
        }
        return new EpssScore(cve, score, rank);
    }
}
