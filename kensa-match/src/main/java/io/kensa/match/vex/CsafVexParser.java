package io.kensa.match.vex;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 (<a href="https://docs.oasis-open.org/csaf/csaf/v2.0/csaf-v2.0.html">OASIS standard</a>), the
 * {@code csaf_vex} profile, and security advisories, whose product statuses mean the same.
 * <ul>
 *   <li>{@code vulnerabilities[]}: {@code cve} and {@code ids[].text} are the vulnerability's ids;
 *       {@code product_status}: {@code known_not_affected} is not affected, {@code fixed} and {@code first_fixed}
 *       are fixed, {@code known_affected}, {@code first_affected} and {@code last_affected} affected,
 *       {@code under_investigation} under investigation ({@code recommended} says nothing of the product's
 *       state and is not read); {@code flags[].label} is the justification and {@code threats[]} of category
 *       {@code impact} the detail, for their {@code product_ids} and {@code group_ids}.</li>
 *   <li>A product id is resolved through {@code product_tree}: {@code branches} (at any depth),
 *       {@code full_product_names} and {@code relationships} (a component "as a component of" a platform takes the
 *       component's identification, as Red Hat's VEX files write it) to
 *       {@code product_identification_helper.purl} (2.1's {@code purls} too). Products identified only by a CPE
 *       or only by name cannot be matched to packages: they are left out, counted in one warning line each. The
 *       platform a component belongs to is not checked against the scanned OS.</li>
 * </ul>
 * Each product id of a status list becomes one statement, dated by {@code document.tracking.current_release_date}.
 */
final class CsafVexParser {
    /** How many relationship hops are followed to reach a component's identification. */
    private static final int MAX_HOPS = 8;

    private CsafVexParser() {
    }

    static boolean recognises(JsonNode root) {
        return JsonFields.text(root.get("document"), "csaf_version") != null;
    }

    private record Product(String purl, boolean hasCpe) {
    }

    static VexDocument parse(JsonNode root, String source, ParseWarnings warnings) {
        JsonNode document = root.get("document");
        JsonNode tracking = document.get("tracking");
        Instant time = JsonFields.firstOf(JsonFields.instant(tracking, "current_release_date"),
                JsonFields.instant(tracking, "initial_release_date"));
        JsonNode tree = root.get("product_tree");
        Map<String, Product> products = products(tree);
        Map<String, String> componentOf = relationships(tree);
        Map<String, List<String>> groups = groups(tree);
        List<VexStatement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode v : JsonFields.array(root, "vulnerabilities")) {
            statements.addAll(vulnerability(v, "vulnerability " + index++, products, componentOf, groups, time,
                    warnings));
        }
        return new VexDocument("csaf", source, JsonFields.text(tracking, "id"),
                JsonFields.text(document.get("publisher"), "name"), statements, warnings.lines());
    }

    private static List<VexStatement> vulnerability(JsonNode v, String where, Map<String, Product> products,
                                                    Map<String, String> componentOf, Map<String, List<String>> groups,
                                                    Instant time, ParseWarnings warnings) {
        Set<String> ids = new LinkedHashSet<>();
        String cve = JsonFields.text(v, "cve");
        if (cve != null) {
            ids.add(cve);
        }
        for (JsonNode id : JsonFields.array(v, "ids")) {
            String text = JsonFields.text(id, "text");
            if (text != null) {
                ids.add(text);
            }
        }
        if (ids.isEmpty()) {
            warnings.add("vulnerability without cve or ids", where);
            return List.of();
        }
        where = where + " (" + ids.iterator().next() + ")";
        Map<String, String> justifications = byProduct(JsonFields.array(v, "flags"), "label", groups);
        Map<String, String> details = new HashMap<>();
        for (JsonNode threat : JsonFields.array(v, "threats")) {
            if ("impact".equals(JsonFields.text(threat, "category"))) {
                details.putAll(byProduct(List.of(threat), "details", groups));
            }
        }
        JsonNode status = v.get("product_status");
        List<VexStatement> out = new ArrayList<>();
        for (Map.Entry<String, VexStatus> category : STATUS_LISTS.entrySet()) {
            for (String productId : JsonFields.texts(status, category.getKey())) {
                PurlPattern purl = purlOf(productId, products, componentOf, where, warnings);
                if (purl != null) {
                    out.add(new VexStatement(ids, List.of(VexProduct.of(purl)), category.getValue(),
                            justifications.get(productId), details.get(productId), time));
                }
            }
        }
        return out;
    }

    private static final Map<String, VexStatus> STATUS_LISTS = statusLists();

    private static Map<String, VexStatus> statusLists() {
        Map<String, VexStatus> m = new LinkedHashMap<>();
        m.put("known_not_affected", VexStatus.NOT_AFFECTED);
        m.put("fixed", VexStatus.FIXED);
        m.put("first_fixed", VexStatus.FIXED);
        m.put("known_affected", VexStatus.AFFECTED);
        m.put("first_affected", VexStatus.AFFECTED);
        m.put("last_affected", VexStatus.AFFECTED);
        m.put("under_investigation", VexStatus.UNDER_INVESTIGATION);
        return m;
    }

    private static PurlPattern purlOf(String productId, Map<String, Product> products, Map<String, String> componentOf,
                                      String where, ParseWarnings warnings) {
        String id = productId;
        boolean cpe = false;
        for (int hop = 0; hop <= MAX_HOPS && id != null; hop++) {
            Product p = products.get(id);
            if (p != null) {
                PurlPattern purl = PurlPattern.tryParse(p.purl());
                if (purl != null) {
                    return purl;
                }
                cpe |= p.hasCpe();
            }
            id = componentOf.get(id);
        }
        if (cpe) {
            warnings.add("product identified only by a CPE, which cannot be matched to packages (left out)",
                    where + ": " + productId);
        } else if (products.containsKey(productId) || componentOf.containsKey(productId)) {
            warnings.add("product without a package URL (left out)", where + ": " + productId);
        } else {
            warnings.add("product id not in the product tree (left out)", where + ": " + productId);
        }
        return null;
    }

    /** product_id → identification, from the branches (any depth) and the full product names. */
    private static Map<String, Product> products(JsonNode tree) {
        Map<String, Product> out = new HashMap<>();
        if (tree == null) {
            return out;
        }
        Deque<JsonNode> branches = new ArrayDeque<>(JsonFields.array(tree, "branches"));
        while (!branches.isEmpty()) {
            JsonNode b = branches.pop();
            add(out, b.get("product"));
            branches.addAll(JsonFields.array(b, "branches"));
        }
        for (JsonNode p : JsonFields.array(tree, "full_product_names")) {
            add(out, p);
        }
        for (JsonNode r : JsonFields.array(tree, "relationships")) {
            add(out, r.get("full_product_name"));
        }
        return out;
    }

    private static void add(Map<String, Product> out, JsonNode product) {
        String id = JsonFields.text(product, "product_id");
        if (id == null) {
            return;
        }
        JsonNode helper = product.get("product_identification_helper");
        String purl = JsonFields.text(helper, "purl");
        if (purl == null) {
            List<String> purls = JsonFields.texts(helper, "purls");
            purl = purls.isEmpty() ? null : purls.getFirst();
        }
        boolean cpe = JsonFields.text(helper, "cpe") != null;
        Product previous = out.get(id);
        if (previous == null || previous.purl() == null && purl != null) {
            out.put(id, new Product(purl, cpe));
        }
    }

    /** relationship's product_id → the component it names ({@code product_reference}). */
    private static Map<String, String> relationships(JsonNode tree) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode r : JsonFields.array(tree, "relationships")) {
            String id = JsonFields.text(r.get("full_product_name"), "product_id");
            String component = JsonFields.text(r, "product_reference");
            if (id != null && component != null && !id.equals(component)) {
                out.putIfAbsent(id, component);
            }
        }
        return out;
    }

    private static Map<String, List<String>> groups(JsonNode tree) {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode g : JsonFields.array(tree, "product_groups")) {
            String id = JsonFields.text(g, "group_id");
            if (id != null) {
                out.put(id, JsonFields.texts(g, "product_ids"));
            }
        }
        return out;
    }

    /** product_id → the text of {@code field} of the entries (flags, threats) naming it directly or by group. */
    private static Map<String, String> byProduct(List<JsonNode> entries, String field, Map<String, List<String>> groups) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : entries) {
            String text = JsonFields.text(e, field);
            if (text == null) {
                continue;
            }
            List<String> ids = new ArrayList<>(JsonFields.texts(e, "product_ids"));
            for (String group : JsonFields.texts(e, "group_ids")) {
                ids.addAll(groups.getOrDefault(group, List.of()));
            }
            for (String id : ids) {
                out.putIfAbsent(id, text);
            }
        }
        return out;
    }
}
