package io.kensa.analyze.license;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.analyze.BoundedYaml;
import io.kensa.core.KensaException;
import io.kensa.core.vuln.Severity;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the license scanner makes of a package's license: a severity and a decision ({@code fail}, {@code warn} or
 * {@code allow}). The defaults are Trivy's: forbidden → CRITICAL, restricted → HIGH, reciprocal → MEDIUM, notice,
 * permissive and unencumbered → LOW, unknown → UNKNOWN; forbidden licenses fail, notice, permissive and
 * unencumbered ones are allowed, the rest warn. A policy file (YAML) changes any of that:
 *
 * <pre>{@code
 * fail: [forbidden, restricted, AGPL-3.0-only]   # categories or SPDX licenses that fail the build
 * allow: [LGPL-2.1-only]                          # categories or SPDX licenses that never do
 * ignore-packages: [pkg:npm/left-pad]             # purls; without a version, every version
 * severities: {restricted: MEDIUM, unknown: LOW}  # category → severity
 * }</pre>
 *
 * <ul>
 *   <li>A license named by its id decides before its category: {@code allow: [LGPL-2.1-only]} allows it although
 *       {@code restricted} fails; an id in both lists is an error. Of the categories, {@code fail} wins. Ids are
 *       read as the normaliser reads declarations ({@code GPL-2.0} is {@code GPL-2.0-only}); a license
 *       {@code WITH} an exception may be named as such.</li>
 *   <li>The categories a list names replace its default categories; a list that names only licenses keeps them
 *       ({@code fail: [GPL-3.0-only]} still fails forbidden licenses, {@code allow: [LGPL-2.1-only]} still allows
 *       notice ones). A key not given keeps its default.</li>
 *   <li>An expression's decision: {@code AND} takes the worst of its operands, {@code OR} the best (the user may
 *       pick that license).</li>
 *   <li>Severity: the category's; a license the policy fails is at least HIGH, one it allows is LOW, so that
 *       {@code --severity} gates agree with the policy.</li>
 *   <li>A file that is not this format (not YAML, an unknown key, a name that is neither a category nor a license,
 *       a bad severity or purl) is a one-line {@link KensaException} naming the file.</li>
 * </ul>
 */
public final class LicensePolicy {
    /** Largest policy file read. */
    public static final long MAX_BYTES = 1L << 20;
    private static final ObjectMapper YAML = BoundedYaml.strictMapper((int) MAX_BYTES, 16, 20);
    private static final List<String> KEYS = List.of("fail", "allow", "ignore-packages", "severities");

    /** What the policy makes of a license. */
    public enum Decision {
        FAIL, WARN, ALLOW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A decision with its severity. */
    public record Outcome(Decision decision, Severity severity) {
    }

    private final Set<LicenseCategory> failCategories;
    private final Set<LicenseCategory> allowCategories;
    private final Set<String> failLicenses;
    private final Set<String> allowLicenses;
    private final List<String> ignorePackages;
    private final Map<LicenseCategory, Severity> severities;
    private final LicenseCategories categories;

    private LicensePolicy(Set<LicenseCategory> failCategories, Set<LicenseCategory> allowCategories,
                          Set<String> failLicenses, Set<String> allowLicenses, List<String> ignorePackages,
                          Map<LicenseCategory, Severity> severities, LicenseCategories categories) {
        this.failCategories = Set.copyOf(failCategories);
        this.allowCategories = Set.copyOf(allowCategories);
        this.failLicenses = Set.copyOf(failLicenses);
        this.allowLicenses = Set.copyOf(allowLicenses);
        this.ignorePackages = List.copyOf(ignorePackages);
        this.severities = Map.copyOf(severities);
        this.categories = categories;
    }

    /** Trivy's defaults: forbidden fails, notice / permissive / unencumbered are allowed, the rest warns. */
    public static LicensePolicy defaults() {
        return new LicensePolicy(EnumSet.of(LicenseCategory.FORBIDDEN), defaultAllowed(), Set.of(), Set.of(),
                List.of(), defaultSeverities(), LicenseCategories.bundled());
    }

    private static Set<LicenseCategory> defaultAllowed() {
        return EnumSet.of(LicenseCategory.NOTICE, LicenseCategory.PERMISSIVE, LicenseCategory.UNENCUMBERED);
    }

    private static Map<LicenseCategory, Severity> defaultSeverities() {
        Map<LicenseCategory, Severity> m = new EnumMap<>(LicenseCategory.class);
        m.put(LicenseCategory.FORBIDDEN, Severity.CRITICAL);
        m.put(LicenseCategory.RESTRICTED, Severity.HIGH);
        m.put(LicenseCategory.RECIPROCAL, Severity.MEDIUM);
        m.put(LicenseCategory.NOTICE, Severity.LOW);
        m.put(LicenseCategory.PERMISSIVE, Severity.LOW);
        m.put(LicenseCategory.UNENCUMBERED, Severity.LOW);
        m.put(LicenseCategory.UNKNOWN, Severity.UNKNOWN);
        return m;
    }

    /** The severity of a category under this policy. */
    public Severity severity(LicenseCategory category) {
        return severities.get(category);
    }

    /** Whether the policy leaves the package with this purl out of the license findings. */
    public boolean ignores(String purl) {
        if (purl == null || ignorePackages.isEmpty()) {
            return false;
        }
        String versionless = versionless(purl);
        for (String p : ignorePackages) {
            if (p.equals(purl) || p.indexOf('@') < 0 && p.equals(versionless)) {
                return true;
            }
        }
        return false;
    }

    /** {@code pkg:type/ns/name} of a purl: no version, qualifiers or subpath. */
    private static String versionless(String purl) {
        int end = purl.length();
        for (char c : new char[] {'@', '?', '#'}) {
            int i = purl.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return purl.substring(0, end);
    }

    /** The decision and severity for a normalised expression. */
    public Outcome decide(LicenseExpression expression) {
        Decision d = decision(expression);
        Severity s = severities.get(categories.of(expression));
        if (d == Decision.FAIL && !s.atLeast(Severity.HIGH)) {
            s = Severity.HIGH;
        } else if (d == Decision.ALLOW) {
            s = Severity.LOW;
        }
        return new Outcome(d, s);
    }

    private Decision decision(LicenseExpression e) {
        return switch (e) {
            case LicenseExpression.License l -> leaf(l.toString(), categories.of(l.id()));
            case LicenseExpression.With w -> {
                Decision whole = byId(w.toString());
                yield whole != null ? whole : leaf(w.license().toString(), categories.of(w.license().id()));
            }
            case LicenseExpression.And a -> {
                Decision worst = Decision.ALLOW;
                for (LicenseExpression o : a.operands()) {
                    Decision d = decision(o);
                    if (d.ordinal() < worst.ordinal()) {
                        worst = d;
                    }
                }
                yield worst;
            }
            case LicenseExpression.Or o -> {
                Decision best = Decision.FAIL;
                for (LicenseExpression x : o.operands()) {
                    Decision d = decision(x);
                    if (d.ordinal() > best.ordinal()) {
                        best = d;
                    }
                }
                yield best;
            }
        };
    }

    private Decision leaf(String license, LicenseCategory category) {
        Decision byId = byId(license);
        if (byId != null) {
            return byId;
        }
        if (failCategories.contains(category)) {
            return Decision.FAIL;
        }
        return allowCategories.contains(category) ? Decision.ALLOW : Decision.WARN;
    }

    private Decision byId(String license) {
        String k = license.toLowerCase(Locale.ROOT);
        if (allowLicenses.contains(k)) {
            return Decision.ALLOW;
        }
        return failLicenses.contains(k) ? Decision.FAIL : null;
    }

    /** The policy of a YAML file. */
    public static LicensePolicy load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw bad(source, "more than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(source, "not found");
        } catch (IOException e) {
            throw new KensaException("license policy " + source + ": cannot be read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad(source, "not UTF-8 text");
        }
        return parse(text, source);
    }

    /** The policy of YAML {@code text}; {@code source} names it in messages. */
    public static LicensePolicy parse(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw bad(source, "more than " + MAX_BYTES + " characters");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw bad(source, "not valid YAML" + at + ": " + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) { // SnakeYAML's limits, not wrapped by Jackson
            throw bad(source, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
        LicensePolicy defaults = defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return defaults;
        }
        if (!root.isObject()) {
            throw bad(source, "expected a mapping with the keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw bad(source, "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        SpdxLicenses licenses = SpdxLicenses.bundled();
        Set<LicenseCategory> failCategories = EnumSet.noneOf(LicenseCategory.class);
        Set<String> failLicenses = new HashSet<>();
        readNames(root, "fail", source, licenses, failCategories, failLicenses);
        Set<LicenseCategory> allowCategories = EnumSet.noneOf(LicenseCategory.class);
        Set<String> allowLicenses = new HashSet<>();
        readNames(root, "allow", source, licenses, allowCategories, allowLicenses);
        for (String id : failLicenses) {
            if (allowLicenses.contains(id)) {
                throw bad(source, "'" + id + "' is in both 'fail' and 'allow'");
            }
        }
        List<String> ignore = new ArrayList<>();
        for (String purl : strings(root, "ignore-packages", source)) {
            if (!purl.startsWith("pkg:") || purl.indexOf('/') < 0) {
                throw bad(source, "'ignore-packages': '" + shorten(purl) + "' is not a package URL (pkg:type/name)");
            }
            ignore.add(purl);
        }
        Map<LicenseCategory, Severity> severities = new EnumMap<>(defaultSeverities());
        JsonNode sev = root.get("severities");
        if (sev != null && !sev.isNull()) {
            if (!sev.isObject()) {
                throw bad(source, "'severities' must map categories to severities");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sev.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                LicenseCategory c = LicenseCategory.parse(e.getKey()).orElseThrow(() -> bad(source,
                        "'severities': '" + shorten(e.getKey()) + "' is not a category (" + categoryList() + ")"));
                String value = e.getValue().isValueNode() ? e.getValue().asText().strip() : "";
                Severity s = severityOf(value);
                if (s == null) {
                    throw bad(source, "'severities': '" + shorten(value) + "' for " + c.label()
                            + " is not CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN");
                }
                severities.put(c, s);
            }
        }
        return new LicensePolicy(failCategories.isEmpty() ? defaults.failCategories : failCategories,
                allowCategories.isEmpty() ? defaults.allowCategories : allowCategories, failLicenses, allowLicenses,
                ignore, severities, LicenseCategories.bundled());
    }

    private static Severity severityOf(String value) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        return null;
    }

    /** Reads a list of categories and licenses into the two sets. */
    private static void readNames(JsonNode root, String key, String source, SpdxLicenses licenses,
                                  Set<LicenseCategory> categories, Set<String> ids) {
        for (String name : strings(root, key, source)) {
            var category = LicenseCategory.parse(name);
            if (category.isPresent()) {
                categories.add(category.get());
                continue;
            }
            LicenseExpression e = licenses.parse(name).orElse(null);
            boolean single = e instanceof LicenseExpression.License || e instanceof LicenseExpression.With;
            boolean known = single && (!(e instanceof LicenseExpression.License l) || !l.isRef()
                    || name.startsWith(SpdxLicenses.LICENSE_REF)
                    || LicenseCategories.bundled().of(l.id()) != LicenseCategory.UNKNOWN);
            if (!known) {
                throw bad(source, "'" + key + "': '" + shorten(name) + "' is neither a category (" + categoryList()
                        + ") nor an SPDX license id");
            }
            ids.add(e.toString().toLowerCase(Locale.ROOT));
        }
    }

    private static String categoryList() {
        StringBuilder b = new StringBuilder();
        for (LicenseCategory c : LicenseCategory.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.label());
        }
        return b.toString();
    }

    /** A list of scalars (or one scalar), empty when absent. */
    private static List<String> strings(JsonNode root, String key, String source) {
        JsonNode v = root.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText().strip());
            return out;
        }
        if (!v.isArray()) {
            throw bad(source, "'" + key + "' must be a list of values");
        }
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.isNull() || e.asText().isBlank()) {
                throw bad(source, "'" + key + "' holds an empty or nested value");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    private static KensaException bad(String source, String what) {
        return new KensaException("license policy " + source + ": " + what);
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
}
