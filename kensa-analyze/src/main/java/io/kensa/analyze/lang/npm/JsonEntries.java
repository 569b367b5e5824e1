package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;

/**
 * Streams the members of a JSON or YAML object one at a time, so a lock file of 100,000 entries is never held as
 * one tree: only the entry being read is.
 */
final class JsonEntries {
    private JsonEntries() {
    }

    /** Receives one member of the object being read. */
    interface Member {
        void accept(String key, JsonNode value) throws IOException;
    }

    /** Receives one top-level field; must consume its value (read it or {@link JsonParser#skipChildren()}). */
    interface Field {
        void accept(String name, JsonParser parser) throws IOException;
    }

    /**
     * Reads the fields of the document's root object, the parser positioned on each field's first value token.
     * With {@code allDocuments} the later documents of a YAML stream are read the same way; otherwise whatever
     * follows the root object is ignored.
     */
    static void forEachField(JsonParser parser, String format, boolean allDocuments, Field field) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new LockFormatException("not a " + format + ": the document is not an object");
        }
        while (first == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                field.accept(name, parser);
            }
            first = allDocuments ? parser.nextToken() : null;
        }
    }

    /** The members of the object at the parser's current token, each read as a small tree; other values are skipped. */
    static void forEachMember(JsonParser parser, Member member) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode value = parser.readValueAsTree();
            member.accept(key, value == null ? NullNode.getInstance() : value);
        }
    }

    /** The text of a scalar node (YAML numbers included), null for anything else or blank. */
    static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
