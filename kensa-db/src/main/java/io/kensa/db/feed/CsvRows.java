package io.kensa.db.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of an RFC 4180 CSV file with a header row (KEV, EPSS, MITRE's CWE downloads), read by Jackson's CSV
 * parser: quoted fields may hold commas, quotes and newlines. Rows come one at a time as arrays; a field is at most
 * {@value #MAX_FIELD} characters, the text must be UTF-8 (a BOM is dropped), and a file that is not CSV fails with
 * one line naming it.
 */
public final class CsvRows implements AutoCloseable {
    /** Longer than any field of those files (CWE's longest is about 11,000 characters). */
    static final int MAX_FIELD = 1 << 20;

    private static final CsvMapper MAPPER = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FIELD).build())
            .build());

    private final String where;
    private final MappingIterator<String[]> rows;
    private final List<String> header;
    private final int linesBefore;
    private long line;

    private CsvRows(String where, MappingIterator<String[]> rows, List<String> header, int linesBefore) {
        this.where = where;
        this.linesBefore = linesBefore;
        this.rows = rows;
        this.header = header;
    }

    /** Opens {@code in} (named {@code where} in messages) and reads its header row; an empty file fails. */
    public static CsvRows open(InputStream in, String where) throws IOException {
        return open(in, where, 0);
    }

    /**
     * Opens {@code in}, which starts after {@code linesBefore} lines of the file that were read already (so the
     * line numbers in messages are the file's), and reads its header row.
     */
    public static CsvRows open(InputStream in, String where, int linesBefore) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        MappingIterator<String[]> rows;
        try {
            rows = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader);
        } catch (CharacterCodingException e) {
            throw new KensaException(where + ": not UTF-8 text (line " + (linesBefore + 1) + ")", e);
        } catch (JsonProcessingException e) {
            throw notCsv(where, e, linesBefore + 1, linesBefore);
        }
        CsvRows csv = new CsvRows(where, rows, List.of(), linesBefore);
        String[] first = csv.next();
        if (first == null) {
            rows.close();
            throw new KensaException(where + ": empty file (no header row)");
        }
        List<String> header = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            String name = i == 0 && first[i].startsWith("\uFEFF") ? first[i].substring(1) : first[i];
            header.add(name.strip());
        }
        CsvRows opened = new CsvRows(where, rows, List.copyOf(header), linesBefore);
        opened.line = csv.line;
        return opened;
    }

    /** The header row's names. */
    public List<String> header() {
        return header;
    }

    /** The index of the column named {@code name} (ignoring case), -1 when there is none. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** The next row, null at the end. */
    public String[] next() throws IOException {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            line = rows.getCurrentLocation() == null ? line + 1 : linesBefore + rows.getCurrentLocation().getLineNr();
            return rows.nextValue();
        } catch (CharacterCodingException e) {
            throw new KensaException(where + ": not UTF-8 text (near line " + line() + ")", e);
        } catch (JsonProcessingException e) {
            throw notCsv(where, e, line(), linesBefore);
        }
    }

    private static KensaException notCsv(String where, JsonProcessingException e, long line, int linesBefore) {
        KensaException ours = JsonRecordStream.ours(e);
        if (ours != null) {
            return ours;
        }
        return new KensaException(where + ": not valid CSV (" + e.getOriginalMessage() + " at line "
                + (e.getLocation() == null ? line : linesBefore + e.getLocation().getLineNr()) + ")", e);
    }

    /** The line the last row read began on (1 is the header). */
    public long line() {
        return line;
    }

    /** Field {@code i} of {@code row}, stripped; null when the row is shorter or the column absent. */
    public static String field(String[] row, int i) {
        if (i < 0 || i >= row.length) {
            return null;
        }
        return row[i].strip();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
