package io.kensa.match.vex;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of the fields of a JSON tree: a field of the wrong type reads as absent. */
final class JsonFields {
    private JsonFields() {
    }

    /** The trimmed text of {@code node.field}, null when absent, not text, or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** The elements of the array {@code node.field}; empty when absent or not an array. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** The non-blank texts of the array {@code node.field}. */
    static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(node, field)) {
            if (e.isTextual() && !e.asText().isBlank()) {
                out.add(e.asText().trim());
            }
        }
        return out;
    }

    /** An RFC 3339 date-time, null when absent or not one. */
    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The first non-null of {@code a} and {@code b}. */
    static Instant firstOf(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
