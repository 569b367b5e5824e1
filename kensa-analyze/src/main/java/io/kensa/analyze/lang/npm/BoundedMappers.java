package io.kensa.analyze.lang.npm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * JSON and YAML readers for files from an image: documents are bounded in size, nesting depth, string and name
 * length, so a hostile {@code package.json} or lock file costs a warning, never the heap or the stack.
 */
final class BoundedMappers {
    /** Largest installed {@code package.json} read (old npm versions copied the README into it). */
    static final long MAX_MANIFEST_BYTES = 8L << 20;
    /** Largest lock file read; lock files are streamed entry by entry, so memory follows the entry count. */
    static final long MAX_LOCK_BYTES = 64L << 20;
    /** Deepest nesting accepted: a v1 lock nests two levels per level of {@code node_modules}. */
    static final int MAX_DEPTH = 256;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(8 << 20)
            .maxNameLength(64 << 10)
            .maxNumberLength(1000)
            .maxDocumentLength(MAX_LOCK_BYTES)
            .build();

    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .build());

    private BoundedMappers() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit((int) MAX_LOCK_BYTES);
        o.setNestingDepthLimit(64);
        o.setMaxAliasesForCollections(50);
        o.setAllowRecursiveKeys(false);
        return o;
    }
}
