package io.kensa.match.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kensa.core.KensaException;
import io.kensa.match.vex.PurlPattern;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ignore file, {@code .kensaignore} by default: YAML, one entry per vulnerability to take out.
 *
 * <pre>{@code
 * vulnerabilities:
 *   - id: CVE-2023-1234                 # required: the finding's id or any of its aliases (GHSA-…, DSA-…)
 *     purls: [pkg:deb/debian/openssl]   # optional: package URLs; without a version every version matches,
 *                                       #   qualifiers the package lacks are ignored (see PurlPattern)
 *     packages: [openssl]               # optional: package names (an OS package also by its source package)
 *     paths: ["usr/lib/app/**"]         # optional: globs on where the package was found; * stays in one
 *                                       #   directory, ** crosses them, a leading / is ignored
 *     expires: 2027-01-01               # optional: the last day the entry applies (YYYY-MM-DD)
 *     reason: accepted risk, not reachable   # optional: shown with the suppressed finding
 * secrets:                              # the other scanners' findings, with the same keys:
 *   - id: aws-access-key-id             #   a secret rule id or category
 *     paths: ["opt/fixtures/**"]
 * misconfigurations:
 *   - id: CIS-DI-0006                   #   a check id
 * licenses:
 *   - id: LGPL-2.1-only                 #   an SPDX expression or a category (restricted …)
 *     packages: [libfoo]
 * malware:
 *   - id: Eicar-Signature               #   a signature name, or the engine (hash, clamav)
 * }</pre>
 *
 * <ul>
 *   <li>An entry with no {@code purls}, {@code packages} or {@code paths} takes the vulnerability out everywhere.
 *       With several of them, every one given must match (a purl AND a path); within one, any value. A single
 *       value may be written without the brackets ({@code packages: openssl}).</li>
 *   <li>An entry narrowed by package or path takes out only the package instances it names: the same library
 *       found at two paths stays reported at the other.</li>
 *   <li>From the day after {@code expires} (in the scan clock's time zone) the entry no longer applies; expired
 *       entries are listed so that they can be renewed or removed. Entries that name no finding of the scan are
 *       listed as unused.</li>
 *   <li>An empty file, or {@code vulnerabilities:} with no entry, ignores nothing. A file that is not this
 *       format (not YAML, an unknown key, a missing id, a bad date, purl or glob) is one-line error naming the
 *       file and the entry: a misspelt key would otherwise silently widen an entry.</li>
 *   <li>The file is read as data only: no YAML tag constructs a type, anchors and aliases are not expanded (an
 *       alias reads as its anchor's name), at most {@link #MAX_BYTES}, with bounded nesting.</li>
 * </ul>
 */
public final class IgnoreFile {
    /** The ignore file read by default, in the working directory. */
    public static final String DEFAULT_NAME = ".kensaignore";
    /** Largest ignore file read. */
    public static final long MAX_BYTES = 1L << 20;

    /** The lists an ignore file may hold: vulnerabilities, then one per other scanner (ids are rule/check ids). */
    private static final List<String> TOP_KEYS = List.of("vulnerabilities", "secrets", "misconfigurations", "licenses",
            "malware");
    private static final List<String> ENTRY_KEYS = List.of("id", "purls", "packages", "paths", "expires", "reason");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength((int) MAX_BYTES)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private IgnoreFile() {
    }

    /** The rules of {@code file}. */
    public static IgnoreRules read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new KensaException("ignore file " + source + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " read");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KensaException("ignore file " + source + ": not found");
        } catch (IOException e) {
            throw new KensaException("ignore file " + source + ": cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new KensaException("ignore file " + source + ": more than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KensaException("ignore file " + source + ": not UTF-8 text");
        }
        return parse(text, source);
    }

    /** The rules of YAML {@code text}; {@code source} names it in reasons and messages. */
    public static IgnoreRules parse(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw new KensaException("ignore file " + source + ": more than " + MAX_BYTES + " characters");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw bad(source, "not valid YAML" + at + ": " + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) { // SnakeYAML's limits (aliases, code points) not wrapped by Jackson
            throw bad(source, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new IgnoreRules(source, List.of());
        }
        if (!root.isObject()) {
            throw bad(source, "expected a mapping with a 'vulnerabilities' list at the top");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!TOP_KEYS.contains(key)) {
                throw bad(source, "unknown top-level key '" + key + "' (expected any of: "
                        + String.join(", ", TOP_KEYS) + ")");
            }
        }
        List<IgnoreRule> vulnerabilities = list(root, "vulnerabilities", source);
        Map<String, List<IgnoreRule>> others = new java.util.LinkedHashMap<>();
        for (String kind : TOP_KEYS.subList(1, TOP_KEYS.size())) {
            others.put(kind, list(root, kind, source));
        }
        return new IgnoreRules(source, vulnerabilities, others);
    }

    private static List<IgnoreRule> list(JsonNode root, String kind, String source) {
        JsonNode list = root.get(kind);
        if (list == null || list.isNull() || list.isTextual() && list.asText().isEmpty()) { // "vulnerabilities:" alone
            return List.of();
        }
        if (!list.isArray()) {
            throw bad(source, "'" + kind + "' is not a list");
        }
        List<IgnoreRule> rules = new ArrayList<>(list.size());
        int entry = 0;
        String prefix = kind.equals("vulnerabilities") ? "" : kind + " ";
        for (JsonNode node : list) {
            rules.add(rule(node, ++entry, prefix, source));
        }
        return rules;
    }

    private static IgnoreRule rule(JsonNode node, int entry, String prefix, String source) {
        String where = prefix + "entry " + entry;
        if (!node.isObject()) {
            throw bad(source, where + ": expected a mapping with an 'id'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!ENTRY_KEYS.contains(key)) {
                throw bad(source, where + ": unknown key '" + key + "' (known: " + String.join(", ", ENTRY_KEYS)
                        + ")");
            }
        }
        String id = scalar(node, "id", where, source);
        if (id == null) {
            throw bad(source, where + ": no 'id'");
        }
        where = where + " (" + id + ")";
        List<PurlPattern> purls = new ArrayList<>();
        for (String p : strings(node, "purls", where, source)) {
            try {
                purls.add(PurlPattern.parse(p));
            } catch (IllegalArgumentException e) {
                throw bad(source, where + ": " + e.getMessage());
            }
        }
        List<String> packages = strings(node, "packages", where, source);
        List<String> paths = strings(node, "paths", where, source);
        LocalDate expires = null;
        String expiresText = scalar(node, "expires", where, source);
        if (expiresText != null) {
            try {
                expires = LocalDate.parse(expiresText);
            } catch (DateTimeParseException e) {
                throw bad(source, where + ": 'expires' is not a date YYYY-MM-DD: '" + shorten(expiresText) + "'");
            }
        }
        try {
            return new IgnoreRule(entry, id, purls, packages, paths, expires, scalar(node, "reason", where, source));
        } catch (IllegalArgumentException e) {
            throw bad(source, where + ": 'paths': " + e.getMessage());
        }
    }

    /** A scalar value as text, null when absent or empty. */
    private static String scalar(JsonNode node, String key, String where, String source) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw bad(source, where + ": '" + key + "' must be a single value");
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** A list of scalars (or one scalar), empty when absent. */
    private static List<String> strings(JsonNode node, String key, String where, String source) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            v = YAML.createArrayNode().add(v);
        }
        if (!v.isArray()) {
            throw bad(source, where + ": '" + key + "' must be a list of values");
        }
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.isNull() || e.asText().isBlank()) {
                throw bad(source, where + ": '" + key + "' holds an empty or nested value");
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    private static KensaException bad(String source, String what) {
        return new KensaException("ignore file " + source + ": " + what);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return shorten(nl < 0 ? s : s.substring(0, nl));
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit((int) MAX_BYTES);
        o.setNestingDepthLimit(16);
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        o.setAllowDuplicateKeys(false);
        return o;
    }
}
