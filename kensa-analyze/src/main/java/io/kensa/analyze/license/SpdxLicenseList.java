package io.kensa.analyze.license;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX License List: every license and exception id with its name and reference URLs, read from the
 * {@code licenses.json} and {@code exceptions.json} of the official
 * <a href="https://github.com/spdx/license-list-data">license-list-data</a>, as the SPDX Java library bundles them
 * in its jar ({@code resources/stdlicenses/}). Only the data is used, never the library's code, so the list costs
 * one JSON parse and no model initialisation; upgrading the library upgrades the list. The texts of single licenses
 * ({@code <id>.json}) are read on demand by {@link #text(String)}.
 */
public final class SpdxLicenseList {
    static final String RESOURCES = "resources/stdlicenses/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One listed license.
     *
     * @param id         its id, as the list spells it
     * @param name       its full name
     * @param deprecated whether the id is deprecated (it stays valid in expressions)
     * @param seeAlso    the URLs the list gives for it
     */
    public record License(String id, String name, boolean deprecated, List<String> seeAlso) {
        public License {
            seeAlso = List.copyOf(seeAlso);
        }
    }

    /**
     * The parts of a license text that make it that license.
     *
     * @param id   the license
     * @param text the license's text reduced by {@link LicenseTemplates#required}: the parts the SPDX template marks
     *             optional left out, variable parts as their original text
     */
    public record LicenseText(String id, String text) {
    }

    private final String version;
    private final Map<String, License> licenses;
    private final Map<String, String> exceptions;
    private final Map<String, String> exceptionNames;

    private SpdxLicenseList(String version, Map<String, License> licenses, Map<String, String> exceptions,
                            Map<String, String> exceptionNames) {
        this.version = version;
        this.licenses = Map.copyOf(licenses);
        this.exceptions = Map.copyOf(exceptions);
        this.exceptionNames = Map.copyOf(exceptionNames);
    }

    private static final class Bundled {
        static final SpdxLicenseList LIST = load();
    }

    /** The list bundled with Kensa, read once. */
    public static SpdxLicenseList bundled() {
        return Bundled.LIST;
    }

    private static SpdxLicenseList load() {
        JsonNode licenses = read("licenses.json");
        JsonNode exceptions = read("exceptions.json");
        Map<String, License> byId = new HashMap<>();
        for (JsonNode l : licenses.path("licenses")) {
            String id = l.path("licenseId").asText("");
            if (id.isEmpty()) {
                continue;
            }
            List<String> seeAlso = new ArrayList<>();
            l.path("seeAlso").forEach(u -> seeAlso.add(u.asText()));
            byId.put(lower(id), new License(id, l.path("name").asText(id),
                    l.path("isDeprecatedLicenseId").asBoolean(false), seeAlso));
        }
        Map<String, String> exceptionIds = new HashMap<>();
        Map<String, String> exceptionNames = new HashMap<>();
        for (JsonNode e : exceptions.path("exceptions")) {
            String id = e.path("licenseExceptionId").asText("");
            if (!id.isEmpty()) {
                exceptionIds.put(lower(id), id);
                if (!e.path("isDeprecatedLicenseId").asBoolean(false)) {
                    exceptionNames.put(LicenseNames.key(e.path("name").asText(id)), id);
                }
            }
        }
        return new SpdxLicenseList(licenses.path("licenseListVersion").asText("unknown"), byId, exceptionIds,
                exceptionNames);
    }

    private static JsonNode read(String name) {
        try (InputStream in = SpdxLicenseList.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the SPDX license list (" + RESOURCES + name + ") is not on the "
                        + "class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the SPDX license list cannot be read", e);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The version of the list, e.g. {@code 3.28.0}. */
    public String version() {
        return version;
    }

    /** The listed license with this id, in any letter case. */
    public Optional<License> license(String id) {
        return Optional.ofNullable(licenses.get(lower(id)));
    }

    /** The exception with this id, as the list spells it, from an id in any letter case. */
    public Optional<String> exceptionId(String id) {
        return Optional.ofNullable(exceptions.get(lower(id)));
    }

    /** The exception whose full name has this {@link LicenseNames#key key}. */
    Optional<String> exceptionByNameKey(String key) {
        return Optional.ofNullable(exceptionNames.get(key));
    }

    /** Every listed license, deprecated ones included. */
    public Collection<License> licenses() {
        return licenses.values();
    }

    /** The identifying text of a listed license (read from its own JSON file), empty when it is not listed. */
    public Optional<LicenseText> text(String id) {
        Optional<License> license = license(id);
        if (license.isEmpty()) {
            return Optional.empty();
        }
        String canonical = license.get().id();
        String template = null;
        String text = null;
        // streamed: the file also holds the text as HTML and the template twice over, none of which is needed
        try (InputStream in = SpdxLicenseList.class.getClassLoader().getResourceAsStream(RESOURCES + canonical
                + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            try (JsonParser p = JSON.getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.VALUE_STRING && field.equals("standardLicenseTemplate")) {
                        template = p.getText();
                    } else if (value == JsonToken.VALUE_STRING && field.equals("licenseText")) {
                        text = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the SPDX license list cannot be read", e);
        }
        if (template != null && !template.isBlank()) {
            return Optional.of(new LicenseText(canonical, LicenseTemplates.required(template)));
        }
        return text == null ? Optional.empty() : Optional.of(new LicenseText(canonical, text));
    }
}
