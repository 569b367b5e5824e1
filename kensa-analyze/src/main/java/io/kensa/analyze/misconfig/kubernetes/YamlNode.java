package io.kensa.analyze.misconfig.kubernetes;

import java.util.List;

/** A YAML node that remembers the 1-based line it starts on, for findings that point at a field. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    int line();

    /** A mapping; keys keep their own lines. */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry with key {@code key}, or null (the last one wins, as in a YAML mapping with repeated keys). */
        public Entry entry(String key) {
            Entry found = null;
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    found = e;
                }
            }
            return found;
        }

        /** The value at {@code key}, or null. */
        public YamlNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** The mapping at {@code key}, or null when absent or not a mapping. */
        public Mapping mapping(String key) {
            return get(key) instanceof Mapping m ? m : null;
        }

        /** The text of the scalar at {@code key}, or null. */
        public String text(String key) {
            return get(key) instanceof Scalar s ? s.text() : null;
        }
    }

    /** One key of a mapping, its line, and its value. */
    record Entry(String key, int line, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar.
     *
     * @param text its text (null for a YAML null)
     */
    record Scalar(String text, int line) implements YamlNode {
        /** A YAML {@code true} (also the string "true": Kubernetes would refuse it, the intent is plain). */
        public boolean isTrue() {
            return text != null && text.equalsIgnoreCase("true");
        }

        public boolean isFalse() {
            return text != null && text.equalsIgnoreCase("false");
        }

        /** The integer value, or null when the scalar is not an integer. */
        public Long asLong() {
            if (text == null || !text.strip().matches("[+-]?\\d{1,18}")) {
                return null;
            }
            return Long.parseLong(text.strip());
        }
    }
}
