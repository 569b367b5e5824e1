package io.kensa.db.feed.ubuntu;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.db.feed.FeedMappers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vuls' JSON rendition of a tracker file ({@code vuls-data-raw-ubuntu-cve-tracker}, one {@code CVE-*.json} per
 * tracker file): {@code candidate}, {@code description}, {@code ubuntu_description}, {@code priority},
 * {@code public_date}, {@code references}, {@code cvss} ({@code {"nvd": " CVSS:3.1/… [9.8 CRITICAL]"}}) and
 * {@code packages.<release>.<source package>} = {@code {name, status, note, priority}}, the per-package priority
 * already resolved for the release.
 */
final class TrackerJson {
    private TrackerJson() {
    }

    /**
     * @throws IllegalArgumentException when the document is not such a record (the message says why)
     * @throws IOException              when it is not JSON
     */
    static TrackerCve parse(byte[] bytes) throws IOException {
        JsonNode root = FeedMappers.JSON.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String candidate = text(root, "candidate");
        if (candidate == null) {
            throw new IllegalArgumentException("no candidate");
        }
        JsonNode packages = root.path("packages");
        if (!packages.isMissingNode() && !packages.isObject()) {
            throw new IllegalArgumentException("packages is not an object");
        }
        List<TrackerCve.PackageStatus> statuses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> release : packages.properties()) {
            if (!release.getValue().isObject()) {
                throw new IllegalArgumentException("packages." + release.getKey() + " is not an object");
            }
            for (Map.Entry<String, JsonNode> pkg : release.getValue().properties()) {
                JsonNode s = pkg.getValue();
                String status = text(s, "status");
                if (status == null) {
                    throw new IllegalArgumentException("packages." + release.getKey() + "." + pkg.getKey()
                            + " has no status");
                }
                String name = text(s, "name");
                statuses.add(new TrackerCve.PackageStatus(release.getKey(), name != null ? name : pkg.getKey(),
                        status, text(s, "note"), text(s, "priority")));
            }
        }
        List<String> references = new ArrayList<>();
        for (JsonNode r : root.path("references")) {
            if (r.isTextual() && !r.asText().isBlank()) {
                references.add(r.asText().strip());
            }
        }
        Map<String, String> cvss = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : root.path("cvss").properties()) {
            if (c.getValue().isTextual()) {
                cvss.put(c.getKey(), c.getValue().asText());
            }
        }
        return new TrackerCve(candidate, text(root, "description"), text(root, "ubuntu_description"),
                text(root, "priority"), TrackerDates.parse(text(root, "public_date")), references, cvss, statuses);
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
