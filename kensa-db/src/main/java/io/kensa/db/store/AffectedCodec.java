package io.kensa.db.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.model.RangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code affected} column of {@code advisories}: ranges and versions as compact JSON,
 * {@code {"r":[{"t":"ECOSYSTEM","e":[["i","0"],["f","1.2.3"]]}],"v":["1.0"]}} (event kinds {@code i}ntroduced,
 * {@code f}ixed, {@code l}ast_affected, {@code x} limit).
 */
final class AffectedCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AffectedCodec() {
    }

    record Decoded(List<AffectedRange> ranges, List<String> versions) {
    }

    static String encode(List<AffectedRange> ranges, List<String> versions) {
        ObjectNode root = JSON.createObjectNode();
        if (!ranges.isEmpty()) {
            ArrayNode rs = root.putArray("r");
            for (AffectedRange r : ranges) {
                ObjectNode o = rs.addObject();
                o.put("t", r.type());
                ArrayNode es = o.putArray("e");
                for (RangeEvent e : r.events()) {
                    es.addArray().add(code(e.kind())).add(e.version());
                }
            }
        }
        if (!versions.isEmpty()) {
            ArrayNode vs = root.putArray("v");
            versions.forEach(vs::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Decoded decode(String text) throws JsonProcessingException {
        JsonNode root = JSON.readTree(text);
        List<AffectedRange> ranges = new ArrayList<>();
        for (JsonNode r : root.path("r")) {
            List<RangeEvent> events = new ArrayList<>();
            for (JsonNode e : r.path("e")) {
                events.add(new RangeEvent(kind(e.get(0).asText()), e.get(1).asText()));
            }
            ranges.add(new AffectedRange(r.path("t").asText(), events));
        }
        List<String> versions = new ArrayList<>();
        for (JsonNode v : root.path("v")) {
            versions.add(v.asText());
        }
        return new Decoded(ranges, versions);
    }

    private static String code(RangeEvent.Kind k) {
        return switch (k) {
            case INTRODUCED -> "i";
            case FIXED -> "f";
            case LAST_AFFECTED -> "l";
            case LIMIT -> "x";
        };
    }

    private static RangeEvent.Kind kind(String c) {
        return switch (c) {
            case "i" -> RangeEvent.Kind.INTRODUCED;
            case "f" -> RangeEvent.Kind.FIXED;
            case "l" -> RangeEvent.Kind.LAST_AFFECTED;
            case "x" -> RangeEvent.Kind.LIMIT;
            default -> throw new IllegalArgumentException("unknown range event '" + c + "'");
        };
    }
}
