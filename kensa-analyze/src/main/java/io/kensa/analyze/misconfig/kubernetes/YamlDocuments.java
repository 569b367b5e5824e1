package io.kensa.analyze.misconfig.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kensa.core.KensaException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every document of a YAML stream ({@code ---} separated) into {@link YamlNode}s that keep their lines, with
 * Jackson's YAML parser. Bounded: at most {@link #MAX_CHARS} characters, {@link #MAX_DEPTH} levels of nesting,
 * {@link #MAX_NODES} nodes, few aliases (which are not expanded), no YAML tag constructs anything.
 */
public final class YamlDocuments {
    public static final int MAX_CHARS = 8 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 1_000_000;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_CHARS).maxNameLength(1 << 16).maxNumberLength(1000)
                    .maxDocumentLength(MAX_CHARS).build())
            .build();

    private int nodes;

    private YamlDocuments() {
    }

    /** The documents of {@code text}; a YAML syntax error is a {@link KensaException} naming {@code name} and the line. */
    public static List<YamlNode> read(String text, String name) {
        if (text.length() > MAX_CHARS) {
            throw new KensaException(name + ": larger than " + MAX_CHARS + " characters, not read");
        }
        YamlDocuments reader = new YamlDocuments();
        List<YamlNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                docs.add(reader.value(p, t));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KensaException k) {
                throw k;
            }
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new KensaException(name + ": not valid YAML (" + msg + ")");
        }
        return docs;
    }

    private YamlNode value(JsonParser p, JsonToken t) throws IOException {
        if (++nodes > MAX_NODES) {
            throw new KensaException("more than " + MAX_NODES + " YAML nodes");
        }
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_OBJECT) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            JsonToken k;
            while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                entries.add(new YamlNode.Entry(key, keyLine, value(p, p.nextToken())));
            }
            if (k != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + k + " in a mapping");
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            JsonToken i;
            while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                if (i == null) {
                    throw new IOException("unexpected end in a sequence");
                }
                items.add(value(p, i));
            }
            return new YamlNode.Sequence(items, line);
        }
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        return new YamlNode.Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_CHARS);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setMaxAliasesForCollections(50);
        o.setAllowRecursiveKeys(false);
        return o;
    }
}
