package io.kensa.analyze.lang;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kensa.analyze.FileEntry;

import java.io.IOException;

/**
 * Small JSON metadata files of an image (Composer's, .NET's) read whole into a tree, bounded in size, nesting and
 * string length, so a hostile file costs a warning, never the heap or the stack.
 */
public final class JsonTrees {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(4 << 20)
                    .maxNumberLength(100)
                    .build())
            .build()).build();

    /** The tree of a file, or why there is none. */
    public record Parsed(JsonNode tree, String problem) {
    }

    private JsonTrees() {
    }

    /** Reads the file when it is at most {@code maxBytes} long; otherwise, or when it is not JSON, says why not. */
    public static Parsed read(FileEntry entry, long maxBytes) throws IOException {
        if (entry.size() > maxBytes) {
            return new Parsed(null, "skipped: " + entry.size() + " bytes is over the " + maxBytes + "-byte limit");
        }
        byte[] bytes = entry.readAllBytes(maxBytes);
        try {
            return new Parsed(MAPPER.readTree(bytes), null);
        } catch (JacksonException e) {
            return new Parsed(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
