package io.kensa.db.feed.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.db.feed.FeedMappers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Vuls' JSON rendition of an {@code updateinfo.xml} {@code <update>} ({@code vuls-data-raw-amazon}, one
 * {@code <release>/core/<year>/<ALAS id>.json} per advisory): the XML's elements and attributes as capitalised
 * keys, {@code ID}, {@code Title}, {@code Issued.Date}, {@code Updated.Date}, {@code Severity}, {@code Description},
 * {@code References.Reference[]} ({@code Href}, {@code ID}, {@code Type}), and
 * {@code Pkglist.Collection.Package[]} ({@code Name}, {@code Epoch}, {@code Version}, {@code Release},
 * {@code Arch}); a collection may also be a list of them.
 */
final class AlasJson {
    private AlasJson() {
    }

    /**
     * @throws IllegalArgumentException when the document is not such an advisory (the message says why)
     * @throws IOException              when it is not JSON
     */
    static Alas parse(byte[] bytes) throws IOException {
        JsonNode root = FeedMappers.JSON.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(root, "ID");
        if (id == null) {
            throw new IllegalArgumentException("no ID");
        }
        String type = text(root, "Type");
        if (type != null && !type.equalsIgnoreCase("security")) {
            return null;
        }
        Set<String> cves = new LinkedHashSet<>();
        List<String> urls = new ArrayList<>();
        for (JsonNode r : list(root.path("References").path("Reference"))) {
            String href = text(r, "Href");
            if (href != null) {
                urls.add(href);
            }
            String refType = text(r, "Type");
            String refId = text(r, "ID");
            if (refId != null && refType != null && refType.toLowerCase(Locale.ROOT).equals("cve")) {
                cves.add(refId);
            }
        }
        List<Alas.Package> packages = new ArrayList<>();
        for (JsonNode collection : list(root.path("Pkglist").path("Collection"))) {
            for (JsonNode p : list(collection.path("Package"))) {
                packages.add(new Alas.Package(text(p, "Name"), text(p, "Epoch"), text(p, "Version"),
                        text(p, "Release"), text(p, "Arch")));
            }
        }
        return new Alas(id, text(root, "Title"), text(root, "Severity"),
                AlasDates.parse(text(root.path("Issued"), "Date")), AlasDates.parse(text(root.path("Updated"), "Date")),
                text(root, "Description"), List.copyOf(cves), urls, packages);
    }

    /** An array's elements, an object as a list of one, nothing for anything else. */
    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
