package io.kensa.db.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * JSON and YAML readers for feed records, bounded in document size, nesting depth, string, name and number length.
 * Records are read as trees ({@code JsonNode}), never bound to Java types named by the document, so a YAML tag
 * cannot construct anything: the YAML parser only reports scalars, sequences and mappings (aliases are reported,
 * not expanded, and limited in number).
 */
public final class FeedMappers {
    /** Largest record document: feed records are a few KB, the largest Ubuntu kernel CVE ~1 MB. */
    public static final int MAX_RECORD_BYTES = 16 << 20;
    static final int MAX_DEPTH = 64;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_RECORD_BYTES)
            .maxNameLength(64 << 10)
            .maxNumberLength(100)
            .maxDocumentLength(MAX_RECORD_BYTES)
            .build();

    /** Bounded JSON. */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS).build());

    /** Bounded YAML (SnakeYAML's loader limits on top of Jackson's). */
    public static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .build());

    private FeedMappers() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_RECORD_BYTES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        o.setAllowDuplicateKeys(false);
        return o;
    }
}
