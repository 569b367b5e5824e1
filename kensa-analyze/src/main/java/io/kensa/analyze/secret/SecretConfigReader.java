package io.kensa.analyze.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.analyze.BoundedYaml;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a secret scanning configuration in the shape of Trivy's {@code trivy-secret.yaml}:
 * <pre>
 * rules:                      # custom rules, added to the built-in ones (one with a built-in id replaces it)
 *   - id: my-token            # required
 *     category: MyCompany     # default: the id
 *     title: My token         # default: the id
 *     severity: HIGH          # CRITICAL, HIGH, MEDIUM, LOW (default UNKNOWN)
 *     regex: 'myco_(?P&lt;secret&gt;[a-z0-9]{32})'   # required; Go syntax is accepted ((?P&lt;name&gt;), [[:alpha:]])
 *     secret-group-name: secret   # the group that is masked; default the whole match
 *     keywords: [myco_]       # pre-filter, ASCII case ignored; a rule without keywords runs on every line
 *     path: '.*\.conf$'       # only files whose path (no leading slash) contains a match; a string or a list
 *     allow-rules: [...]      # as below, for this rule only
 * allow-rules:                # matches (regex, searched in the matched text) or files (path) not reported
 *   - id: my-test-keys
 *     description: test keys
 *     regex: myco_test_
 *     path: ...
 * enable-builtin-rules: [aws-access-key-id, ...]   # keep only these built-in rules
 * disable-rules: [slack-web-hook, ...]              # built-in or custom rules to drop (wins over enable)
 * disable-allow-rules: [markdown, ...]              # built-in or custom allow rules to drop
 * </pre>
 * Unlike Trivy, a rule matches within one line; unknown keys and unknown rule ids are errors rather than silently
 * ignored. The file is read as data only (no YAML tags construct types), at most {@link #MAX_BYTES}.
 */
final class SecretConfigReader {
    static final long MAX_BYTES = 1L << 20;
    private static final int MAX_RULES = 10_000;

    private static final Set<String> TOP_KEYS = Set.of("rules", "allow-rules", "enable-builtin-rules",
            "disable-rules", "disable-allow-rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "category", "title", "severity", "regex", "keywords",
            "path", "allow-rules", "secret-group-name");
    private static final Set<String> ALLOW_KEYS = Set.of("id", "description", "regex", "path");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));
    private static final Pattern GO_GROUP = Pattern.compile("\\(\\?P?<([^>=!]*)>");
    private static final Pattern POSIX = Pattern.compile("\\[:(\\^?)([a-z]+):]");

    private static final ObjectMapper YAML = BoundedYaml.strictMapper((int) MAX_BYTES, 32, 20);

    private final String source;

    private SecretConfigReader(String source) {
        this.source = source;
    }

    /** {@code base} merged with the configuration in {@code file}. */
    static SecretRuleSet read(Path file, SecretRuleSet base) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new KensaException("secret config " + source + ": larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KensaException("secret config " + source + ": not found");
        } catch (IOException e) {
            throw new KensaException("secret config " + source + ": cannot be read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KensaException("secret config " + source + ": not UTF-8 text");
        }
        return parse(text, source, base);
    }

    /** {@code base} merged with the configuration {@code text}; {@code source} names it in messages. */
    static SecretRuleSet parse(String text, String source, SecretRuleSet base) {
        return new SecretConfigReader(source).merge(tree(text, source), base);
    }

    private static JsonNode tree(String text, String source) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new KensaException("secret config " + source + ": not valid YAML" + at + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) { // SnakeYAML's limits, not wrapped by Jackson
            throw new KensaException("secret config " + source + ": not valid YAML: "
                    + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private SecretRuleSet merge(JsonNode root, SecretRuleSet base) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return base;
        }
        if (!root.isObject()) {
            throw bad("expected a mapping at the top (rules, allow-rules, enable-builtin-rules, disable-rules, "
                    + "disable-allow-rules)");
        }
        checkKeys(root, TOP_KEYS, "top level");
        List<SecretRule> custom = new ArrayList<>();
        JsonNode rulesNode = list(root, "rules", "top level");
        if (rulesNode.size() > MAX_RULES) {
            throw bad("more than " + MAX_RULES + " rules");
        }
        Set<String> customIds = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            SecretRule r = rule(rulesNode.get(i), "rules[" + i + "]");
            if (!customIds.add(r.id())) {
                throw bad("rules[" + i + "]: the id '" + r.id() + "' is used twice");
            }
            custom.add(r);
        }
        List<AllowRule> customAllow = allowRules(list(root, "allow-rules", "top level"), "allow-rules");
        List<String> enable = ids(root, "enable-builtin-rules");
        List<String> disable = ids(root, "disable-rules");
        List<String> disableAllow = ids(root, "disable-allow-rules");

        Map<String, SecretRule> builtinById = new LinkedHashMap<>();
        base.rules().forEach(r -> builtinById.put(r.id(), r));
        for (String id : enable) {
            if (!builtinById.containsKey(id)) {
                throw bad("enable-builtin-rules: there is no built-in rule '" + id + "'");
            }
        }
        for (String id : disable) {
            if (!builtinById.containsKey(id) && !customIds.contains(id)) {
                throw bad("disable-rules: there is no rule '" + id + "'");
            }
        }
        Set<String> allowIds = new HashSet<>();
        base.allowRules().forEach(a -> allowIds.add(a.id()));
        customAllow.forEach(a -> allowIds.add(a.id()));
        for (String id : disableAllow) {
            if (!allowIds.contains(id)) {
                throw bad("disable-allow-rules: there is no allow rule '" + id + "'");
            }
        }

        List<SecretRule> rules = new ArrayList<>();
        for (SecretRule r : builtinById.values()) {
            if ((enable.isEmpty() || enable.contains(r.id())) && !customIds.contains(r.id())) {
                rules.add(r);
            }
        }
        rules.addAll(custom);
        rules.removeIf(r -> disable.contains(r.id()));
        List<AllowRule> allow = new ArrayList<>(base.allowRules());
        allow.addAll(customAllow);
        allow.removeIf(a -> disableAllow.contains(a.id()));
        return new SecretRuleSet(rules, allow);
    }

    private SecretRule rule(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw bad(where + ": expected a mapping");
        }
        checkKeys(node, RULE_KEYS, where);
        String id = text(node, "id", where, true);
        String at = where + " (" + id + ")";
        String severity = text(node, "severity", at, false);
        severity = severity == null ? "UNKNOWN" : severity.toUpperCase(Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            throw bad(at + ": severity '" + text(node, "severity", at, false)
                    + "' is not one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN");
        }
        Map<String, String> renamed = new HashMap<>();
        Pattern regex = regex(text(node, "regex", at, true), at + ": regex", renamed);
        String group = text(node, "secret-group-name", at, false);
        if (group != null) {
            String javaName = renamed.get(group);
            if (javaName == null) {
                throw bad(at + ": secret-group-name '" + group + "' is not a named group of the regex");
            }
            group = javaName;
        }
        List<String> keywords = strings(node, "keywords", at);
        PathMatch path = path(node, at);
        List<AllowRule> allow = allowRules(list(node, "allow-rules", at), at + ": allow-rules");
        String category = text(node, "category", at, false);
        String title = text(node, "title", at, false);
        return new SecretRule(id, category == null ? id : category, title == null ? id : title, severity, regex,
                group, keywords, path, allow, SecretCheck.NONE, Anchor.LINE, false);
    }

    private List<AllowRule> allowRules(JsonNode list, String where) {
        List<AllowRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = where + "[" + i + "]";
            if (node == null || !node.isObject()) {
                throw bad(at + ": expected a mapping");
            }
            checkKeys(node, ALLOW_KEYS, at);
            String id = text(node, "id", at, true);
            if (!ids.add(id)) {
                throw bad(at + ": the id '" + id + "' is used twice");
            }
            String regexText = text(node, "regex", at, false);
            Pattern regex = regexText == null ? null : regex(regexText, at + " (" + id + "): regex", new HashMap<>());
            PathMatch path = path(node, at + " (" + id + ")");
            if (regex == null && path == null) {
                throw bad(at + " (" + id + "): needs a regex or a path");
            }
            String description = text(node, "description", at, false);
            out.add(new AllowRule(id, description == null ? "" : description, regex, path));
        }
        return out;
    }

    private PathMatch path(JsonNode node, String where) {
        JsonNode p = node.get("path");
        if (p == null || p.isNull()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (p.isTextual()) {
            parts.add(p.asText());
        } else if (p.isArray()) {
            parts = strings(node, "path", where);
        } else {
            throw bad(where + ": path must be a regular expression or a list of them");
        }
        if (parts.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            regex(part, where + ": path", new HashMap<>()); // each alone, for a precise message
            joined.append(joined.isEmpty() ? "" : "|").append("(?:").append(goToJava(part, new HashMap<>()))
                    .append(')');
        }
        return PathMatch.regex(regex(joined.toString(), where + ": path", new HashMap<>()));
    }

    /** Compiles a regex written for Go's RE2 (as Trivy's are) or for Java; group renames go to {@code renamed}. */
    private Pattern regex(String text, String where, Map<String, String> renamed) {
        if (text.isEmpty()) {
            throw bad(where + " is empty");
        }
        if (text.matches("(?s).*\\(\\?[a-zA-Z]*U[a-zA-Z]*[:)].*")) {
            throw bad(where + ": the U (ungreedy) flag of Go regexes is not supported");
        }
        try {
            return Pattern.compile(goToJava(text, renamed));
        } catch (PatternSyntaxException e) {
            throw bad(where + " '" + shorten(text) + "' is not valid: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    /** {@code (?P<name>...)} and names with underscores become Java groups; {@code [[:alpha:]]} becomes \p{Alpha}. */
    private static String goToJava(String regex, Map<String, String> renamed) {
        StringBuilder out = new StringBuilder();
        Matcher m = GO_GROUP.matcher(regex);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String name = m.group(1);
            String javaName = renamed.computeIfAbsent(name, n -> javaGroupName(n, used));
            used.add(javaName);
            m.appendReplacement(out, Matcher.quoteReplacement("(?<" + javaName + ">"));
        }
        m.appendTail(out);
        Matcher p = POSIX.matcher(out.toString());
        StringBuilder out2 = new StringBuilder();
        while (p.find()) {
            String cls = POSIX_CLASSES.get(p.group(2));
            String replacement = p.group(2).equals("word") ? (p.group(1).isEmpty() ? "\\w" : "\\W")
                    : cls == null ? p.group() : (p.group(1).isEmpty() ? "\\p{" : "\\P{") + cls + "}";
            p.appendReplacement(out2, Matcher.quoteReplacement(replacement));
        }
        p.appendTail(out2);
        return out2.toString();
    }

    /** Java group names are letters and digits, starting with a letter. */
    private static String javaGroupName(String name, Set<String> used) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
            b.insert(0, 'g');
        }
        String base = b.toString();
        String candidate = base;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String hint = key.equals("exclude-block") ? " (Trivy's exclude-block is not supported)"
                        : " (expected one of " + allowed.stream().sorted().toList() + ")";
                throw bad(where + ": unknown key '" + key + "'" + hint);
            }
        }
    }

    private JsonNode list(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return YAML.createArrayNode();
        }
        if (!v.isArray()) {
            throw bad(where + ": " + field + " must be a list");
        }
        return v;
    }

    private List<String> ids(JsonNode root, String field) {
        return strings(root, field, "top level");
    }

    private List<String> strings(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw bad(where + ": " + field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() && !e.isNumber()) {
                throw bad(where + ": " + field + " must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(where + ": " + field + " is required");
            }
            return null;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw bad(where + ": " + field + " must be a string");
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            throw bad(where + ": " + field + " is empty");
        }
        return s;
    }

    private KensaException bad(String problem) {
        return new KensaException("secret config " + source + ": " + problem);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return shorten(nl < 0 ? s : s.substring(0, nl));
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
