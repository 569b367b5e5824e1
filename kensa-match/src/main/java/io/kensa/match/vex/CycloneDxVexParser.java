package io.kensa.match.vex;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.core.KensaException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CycloneDX VEX (specification 1.4 to 1.6): a BOM's {@code vulnerabilities[]}, each with {@code id} (and the ids of
 * its {@code references[]} as aliases), {@code analysis.state}, {@code analysis.justification},
 * {@code analysis.detail} and {@code affects[].ref}. A ref is resolved to a package URL as
 * <ul>
 *   <li>the bom-ref of a component of the same document ({@code metadata.component} and {@code components}, at any
 *       depth), whose {@code purl} is taken;</li>
 *   <li>a BOM-Link ({@code urn:cdx:<serial>/<version>#<bom-ref>}) into the SBOM the VEX describes: its bom-ref,
 *       looked up the same way, or taken as the purl itself (tools use purls as bom-refs);</li>
 *   <li>a purl written directly.</li>
 * </ul>
 * States: {@code not_affected} and {@code false_positive} are not affected, {@code resolved} and
 * {@code resolved_with_pedigree} are fixed, {@code exploitable} is affected, {@code in_triage} under
 * investigation. An {@code affects[].versions} entry naming one {@code version} narrows the ref to that version;
 * version ranges ({@code vers:}) are not evaluated and such entries are left out with a warning (a statement is
 * never widened to versions it does not name).
 */
final class CycloneDxVexParser {
    private CycloneDxVexParser() {
    }

    static boolean recognises(JsonNode root) {
        return "CycloneDX".equals(JsonFields.text(root, "bomFormat"));
    }

    static VexDocument parse(JsonNode root, String source, ParseWarnings warnings) {
        JsonNode vulnerabilities = root.get("vulnerabilities");
        if (vulnerabilities == null || !vulnerabilities.isArray()) {
            throw new KensaException("VEX file " + source + ": CycloneDX document without vulnerabilities, an SBOM "
                    + "rather than a VEX");
        }
        JsonNode metadata = root.get("metadata");
        Map<String, String> purlsByRef = componentPurls(root);
        Instant documentTime = JsonFields.instant(metadata, "timestamp");
        List<VexStatement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode v : vulnerabilities) {
            VexStatement statement = statement(v, "vulnerability " + index++, purlsByRef, documentTime, warnings);
            if (statement != null) {
                statements.add(statement);
            }
        }
        return new VexDocument("cyclonedx", source, JsonFields.text(root, "serialNumber"), author(metadata),
                statements, warnings.lines());
    }

    private static VexStatement statement(JsonNode v, String where, Map<String, String> purlsByRef,
                                          Instant documentTime, ParseWarnings warnings) {
        String id = JsonFields.text(v, "id");
        if (id == null) {
            warnings.add("vulnerability without an id", where);
            return null;
        }
        where = where + " (" + id + ")";
        Set<String> ids = new LinkedHashSet<>();
        ids.add(id);
        for (JsonNode ref : JsonFields.array(v, "references")) {
            String alias = JsonFields.text(ref, "id");
            if (alias != null) {
                ids.add(alias);
            }
        }
        JsonNode analysis = v.get("analysis");
        String state = JsonFields.text(analysis, "state");
        if (state == null) {
            warnings.add("vulnerability without analysis.state (a report entry, not a VEX statement)", where);
            return null;
        }
        VexStatus status = status(state);
        if (status == null) {
            warnings.add("vulnerability with an unknown analysis.state '" + state + "'", where);
            return null;
        }
        List<VexProduct> products = new ArrayList<>();
        for (JsonNode affects : JsonFields.array(v, "affects")) {
            products.addAll(affected(affects, where, purlsByRef, warnings));
        }
        if (products.isEmpty()) {
            warnings.add("vulnerability whose affects[] name no package URL", where);
            return null;
        }
        Instant time = JsonFields.firstOf(JsonFields.instant(analysis, "lastUpdated"),
                JsonFields.firstOf(JsonFields.instant(v, "updated"), documentTime));
        return new VexStatement(ids, products, status, JsonFields.text(analysis, "justification"),
                JsonFields.text(analysis, "detail"), time);
    }

    private static List<VexProduct> affected(JsonNode affects, String where, Map<String, String> purlsByRef,
                                             ParseWarnings warnings) {
        String ref = JsonFields.text(affects, "ref");
        if (ref == null) {
            warnings.add("affects entry without a ref", where);
            return List.of();
        }
        PurlPattern purl = resolve(ref, purlsByRef);
        if (purl == null) {
            warnings.add("affects ref that resolves to no package URL (left out)", where + ": " + shorten(ref));
            return List.of();
        }
        JsonNode versions = affects.get("versions");
        if (versions == null || versions.isNull()) {
            return List.of(VexProduct.of(purl));
        }
        List<JsonNode> entries = new ArrayList<>();
        if (versions.isArray()) {
            versions.forEach(entries::add);
        } else {
            entries.add(versions); // some published examples write one object instead of an array
        }
        List<VexProduct> out = new ArrayList<>();
        for (JsonNode entry : entries) {
            String version = JsonFields.text(entry, "version");
            if (version != null) {
                try {
                    out.add(VexProduct.of(purl.withVersion(version)));
                } catch (IllegalArgumentException e) {
                    warnings.add("affects version that is not a purl version (left out)", where + ": " + version);
                }
            } else {
                warnings.add("affects version range not evaluated (left out)", where + ": "
                        + shorten(String.valueOf(JsonFields.text(entry, "range"))));
            }
        }
        return out;
    }

    private static PurlPattern resolve(String ref, Map<String, String> purlsByRef) {
        String bomRef = ref;
        if (ref.startsWith("urn:cdx:")) {
            int hash = ref.indexOf('#');
            if (hash < 0) {
                return null; // a link to a whole BOM names no component
            }
            bomRef = ref.substring(hash + 1);
        }
        String purl = purlsByRef.get(bomRef);
        return PurlPattern.tryParse(purl != null ? purl : bomRef);
    }

    /** bom-ref → purl of every component of the document, nested ones included. */
    private static Map<String, String> componentPurls(JsonNode root) {
        Map<String, String> out = new HashMap<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        JsonNode metadata = root.get("metadata");
        if (metadata != null && metadata.get("component") != null) {
            todo.add(metadata.get("component"));
        }
        todo.addAll(JsonFields.array(root, "components"));
        while (!todo.isEmpty()) {
            JsonNode c = todo.pop();
            String ref = JsonFields.text(c, "bom-ref");
            String purl = JsonFields.text(c, "purl");
            if (ref != null && purl != null) {
                out.putIfAbsent(ref, purl);
            }
            todo.addAll(JsonFields.array(c, "components"));
        }
        return out;
    }

    private static VexStatus status(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
            case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
            case "exploitable" -> VexStatus.AFFECTED;
            case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
            default -> null;
        };
    }

    /** The document's authors, else its manufacturer or supplier (1.4: manufacture; 1.6: manufacturer). */
    private static String author(JsonNode metadata) {
        if (metadata == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode a : JsonFields.array(metadata, "authors")) {
            String name = JsonFields.text(a, "name");
            if (name != null) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            return String.join(", ", names);
        }
        for (String field : List.of("manufacturer", "manufacture", "supplier")) {
            String name = JsonFields.text(metadata.get(field), "name");
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
