package io.kensa.analyze.lang.dotnet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kensa.analyze.FileEntry;

import java.io.IOException;

/**
 * .NET's JSON files ({@code *.deps.json}, {@code packages.lock.json}) read into a tree, bounded in size, nesting and
 * string length.
 */
final class DotnetJson {
    /** Largest file read: a self-contained application's deps.json is about 1 MB. */
    static final long MAX_BYTES = 32L << 20;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(4 << 20)
                    .maxNumberLength(100)
                    .build())
            .build()).build();

    /** The tree of a file, or why there is none. */
    record Parsed(JsonNode tree, String problem) {
    }

    private DotnetJson() {
    }

    static Parsed read(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return new Parsed(null, "skipped: " + entry.size() + " bytes is over the " + MAX_BYTES + "-byte limit");
        }
        byte[] bytes = entry.readAllBytes(MAX_BYTES);
        try {
            return new Parsed(MAPPER.readTree(bytes), null);
        } catch (JacksonException e) {
            return new Parsed(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
