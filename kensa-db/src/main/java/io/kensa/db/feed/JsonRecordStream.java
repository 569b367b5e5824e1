package io.kensa.db.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams the records of a JSON document shaped {@code {"...": scalar, ..., "<array>": [ {record}, ... ]}} (an NVD
 * API response, the KEV catalog, an EPSS rendition): the document is never held whole, only one record at a time
 * as a tree, each bounded by the stream's record limit ({@link CappedInputStream#startRecord()}), nesting depth and
 * string length. The root's scalar fields, before or after the array, are returned.
 */
public final class JsonRecordStream {
    /** Deeper than any feed record (an NVD record's configurations nest about ten levels). */
    static final int MAX_DEPTH = 64;
    /** Longer than any text of a feed record (NVD descriptions are a few KiB). */
    static final int MAX_STRING = 1 << 20;
    private static final int MAX_HEADER_FIELDS = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(100).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build());

    /** Told about each element of the array. */
    @FunctionalInterface
    public interface Handler {
        void record(long index, JsonNode element) throws IOException, SQLException;
    }

    private JsonRecordStream() {
    }

    /**
     * Reads {@code in} (named {@code where} in messages), giving each element of the root's {@code arrayField} to
     * {@code handler}. A document that is not JSON, whose root is not an object, or that has no such array fails
     * with one line.
     *
     * @return the root's scalar fields as text (the first {@value #MAX_HEADER_FIELDS})
     */
    public static Map<String, String> read(CappedInputStream in, String where, String arrayField, Handler handler)
            throws IOException, SQLException {
        Map<String, String> header = new LinkedHashMap<>();
        boolean sawArray = false;
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new KensaException(where + ": not a JSON object (expected {\"" + arrayField + "\": [...]})");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(arrayField)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new KensaException(where + ": '" + arrayField + "' is not an array");
                    }
                    sawArray = true;
                    long index = 0;
                    in.startRecord();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode element = p.readValueAsTree();
                        handler.record(index++, element);
                        in.startRecord();
                    }
                } else if (value.isScalarValue()) {
                    if (header.size() < MAX_HEADER_FIELDS && value != JsonToken.VALUE_NULL) {
                        header.put(name, p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new KensaException(where + ": not JSON (the document does not end where expected)");
            }
        } catch (JsonProcessingException e) {
            throw notJson(where, e);
        }
        if (!sawArray) {
            throw new KensaException(where + ": no '" + arrayField + "' array");
        }
        return header;
    }

    /**
     * The root's scalar field {@code field} as text, reading no further than needed (a field written before a large
     * array costs nothing); null when the root has no such scalar.
     */
    public static String scalar(CappedInputStream in, String where, String field) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new KensaException(where + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field) && value.isScalarValue()) {
                    return value == JsonToken.VALUE_NULL ? null : p.getText();
                }
                p.skipChildren();
            }
            return null;
        } catch (JsonProcessingException e) {
            throw notJson(where, e);
        }
    }

    /**
     * The one-line error for a JSON syntax error or a broken limit; when Jackson wrapped one of ours (a stream cap
     * reached while it built a value), that one.
     */
    public static KensaException notJson(String where, JsonProcessingException e) {
        KensaException ours = ours(e);
        if (ours != null) {
            return ours;
        }
        JsonLocation at = e.getLocation();
        String position = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
        return new KensaException(where + ": not valid JSON (" + e.getOriginalMessage() + position + ")", e);
    }

    /** The {@link KensaException} among the causes of {@code e} (Jackson wraps what a stream throws), or null. */
    static KensaException ours(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KensaException k) {
                return k;
            }
        }
        return null;
    }
}
