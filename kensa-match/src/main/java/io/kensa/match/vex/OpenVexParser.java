package io.kensa.match.vex;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenVEX (<a href="https://github.com/openvex/spec">spec</a> v0.2.0, and the v0.0.x shapes still published):
 * {@code statements[]} with {@code vulnerability} ({@code name}, {@code @id}, {@code aliases}; a plain string in
 * v0.0.x), {@code products[]} ({@code @id} or {@code identifiers.purl}, with {@code subcomponents[]}; plain strings
 * in v0.0.x, whose subcomponents sit on the statement), {@code status}, {@code justification},
 * {@code impact_statement} / {@code action_statement} and {@code timestamp} (else the document's).
 * Products and subcomponents named other than by a package URL (a CPE, a hash) cannot be matched to packages: they
 * are left out with a warning, and a product whose every subcomponent is left out is left out too, so that a
 * statement never widens from a component to the whole product.
 */
final class OpenVexParser {
    static final String CONTEXT_PREFIX = "https://openvex.dev/ns";

    private OpenVexParser() {
    }

    static boolean recognises(JsonNode root) {
        String context = JsonFields.text(root, "@context");
        return context != null && context.startsWith(CONTEXT_PREFIX);
    }

    static VexDocument parse(JsonNode root, String source, ParseWarnings warnings) {
        JsonNode statementsNode = root.get("statements");
        if (statementsNode == null || !statementsNode.isArray()) {
            throw new KensaException("VEX file " + source + ": OpenVEX document without a statements array");
        }
        Instant documentTime = JsonFields.instant(root, "timestamp");
        List<VexStatement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode s : statementsNode) {
            VexStatement statement = statement(s, index++, documentTime, warnings);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return new VexDocument("openvex", source, JsonFields.text(root, "@id"), JsonFields.text(root, "author"),
                statements, warnings.lines());
    }

    private static VexStatement statement(JsonNode s, int index, Instant documentTime, ParseWarnings warnings) {
        String where = "statement " + index;
        if (!s.isObject()) {
            warnings.add("statement is not an object", where);
            return null;
        }
        Set<String> ids = vulnerabilityIds(s.get("vulnerability"));
        if (ids.isEmpty()) {
            warnings.add("statement without a vulnerability name", where);
            return null;
        }
        String statusText = JsonFields.text(s, "status");
        VexStatus status = VexStatus.parseOpenVex(statusText);
        if (status == null) {
            warnings.add("statement with an unknown status '" + statusText + "'", where);
            return null;
        }
        List<PurlPattern> statementSubcomponents = components(JsonFields.array(s, "subcomponents"), where, warnings);
        boolean hadStatementSubcomponents = !JsonFields.array(s, "subcomponents").isEmpty();
        List<VexProduct> products = new ArrayList<>();
        for (JsonNode p : JsonFields.array(s, "products")) {
            VexProduct product = product(p, statementSubcomponents, hadStatementSubcomponents, where, warnings);
            if (product != null) {
                products.add(product);
            }
        }
        if (products.isEmpty()) {
            warnings.add("statement without a product named by a package URL", where + " (" + ids.iterator().next()
                    + ")");
            return null;
        }
        String detail = status == VexStatus.AFFECTED ? JsonFields.text(s, "action_statement")
                : JsonFields.text(s, "impact_statement");
        return new VexStatement(ids, products, status, JsonFields.text(s, "justification"), detail,
                JsonFields.firstOf(JsonFields.instant(s, "timestamp"), documentTime));
    }

    private static Set<String> vulnerabilityIds(JsonNode v) {
        Set<String> ids = new LinkedHashSet<>();
        if (v == null) {
            return ids;
        }
        if (v.isTextual()) {
            if (!v.asText().isBlank()) {
                ids.add(v.asText().trim());
            }
            return ids;
        }
        String name = JsonFields.text(v, "name");
        if (name != null) {
            ids.add(name);
        }
        String id = JsonFields.text(v, "@id");
        if (id != null) {
            ids.add(id);
        }
        ids.addAll(JsonFields.texts(v, "aliases"));
        return ids;
    }

    private static VexProduct product(JsonNode p, List<PurlPattern> statementSubcomponents,
                                      boolean hadStatementSubcomponents, String where, ParseWarnings warnings) {
        PurlPattern product = component(p);
        List<JsonNode> subNodes = JsonFields.array(p, "subcomponents");
        List<PurlPattern> subcomponents = new ArrayList<>(components(subNodes, where, warnings));
        subcomponents.addAll(statementSubcomponents);
        boolean hadSubcomponents = !subNodes.isEmpty() || hadStatementSubcomponents;
        if (product == null) {
            warnings.add("product not named by a package URL (left out)", where + ": " + describe(p));
            return null;
        }
        if (hadSubcomponents && subcomponents.isEmpty()) {
            warnings.add("product whose subcomponents are none named by a package URL (left out)", where);
            return null;
        }
        return new VexProduct(product, subcomponents);
    }

    private static List<PurlPattern> components(List<JsonNode> nodes, String where, ParseWarnings warnings) {
        List<PurlPattern> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            PurlPattern c = component(n);
            if (c == null) {
                warnings.add("subcomponent not named by a package URL (left out)", where + ": " + describe(n));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** A product or subcomponent: {@code identifiers.purl}, else an {@code @id} that is a purl; a v0.0.x string. */
    private static PurlPattern component(JsonNode n) {
        if (n.isTextual()) {
            return PurlPattern.tryParse(n.asText().trim());
        }
        PurlPattern byIdentifier = PurlPattern.tryParse(JsonFields.text(n.get("identifiers"), "purl"));
        return byIdentifier != null ? byIdentifier : PurlPattern.tryParse(JsonFields.text(n, "@id"));
    }

    private static String describe(JsonNode n) {
        String s = n.isTextual() ? n.asText() : JsonFields.text(n, "@id");
        if (s == null) {
            s = n.toString();
        }
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
