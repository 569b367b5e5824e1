package io.kensa.analyze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * YAML readers for the user's configuration files (secret rules, license policy): data only, bounded in size,
 * nesting and aliases, no recursive keys, and a key given twice is an error rather than a silent override.
 */
public final class BoundedYaml {
    private BoundedYaml() {
    }

    /**
     * @param maxChars   the largest document, in characters (and the longest string)
     * @param maxDepth   the deepest nesting
     * @param maxAliases the most aliases a document may use for collections
     */
    public static ObjectMapper strictMapper(int maxChars, int maxDepth, int maxAliases) {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(maxChars);
        o.setNestingDepthLimit(maxDepth);
        o.setMaxAliasesForCollections(maxAliases);
        o.setAllowRecursiveKeys(false);
        o.setAllowDuplicateKeys(false);
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(o)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                        .maxStringLength(maxChars).maxDocumentLength(maxChars).build())
                .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
