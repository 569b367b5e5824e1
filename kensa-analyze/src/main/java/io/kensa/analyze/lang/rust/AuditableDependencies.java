package io.kensa.analyze.lang.rust;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kensa.core.Package;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The dependency list cargo-auditable embeds in the {@code .dep-v0} section: zlib-compressed JSON,
 * {@code {"packages":[{"name","version","source","kind","dependencies":[indices],"root":true}]}}. Inflation stops
 * at {@link #MAX_JSON} bytes, so a zlib bomb costs a warning, not the heap.
 * <p>
 * Packages of kind {@code build} (build scripts, proc-macros) are not linked into the binary and are left out, as
 * Trivy does; the root crate (the binary's own package) is reported with the others.
 */
final class AuditableDependencies {
    static final int MAX_JSON = 16 << 20;
    static final String TYPE = "cargo";
    static final String FOUND_BY = "cargo-auditable";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AuditableDependencies() {
    }

    static List<Package> parse(byte[] compressed, String path) throws CargoDataException {
        JsonNode root;
        try {
            root = JSON.readTree(inflate(compressed));
        } catch (IOException e) {
            throw new CargoDataException(".dep-v0 is not valid JSON: "
                    + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
        JsonNode list = root == null ? null : root.get("packages");
        if (list == null || !list.isArray()) {
            throw new CargoDataException(".dep-v0 JSON has no \"packages\" array");
        }
        List<Package> out = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode name = p.get("name");
            JsonNode version = p.get("version");
            if (name == null || !name.isTextual() || version == null || !version.isTextual()) {
                throw new CargoDataException(".dep-v0 package without a name and version: " + abbreviate(p));
            }
            JsonNode kind = p.get("kind");
            if (kind != null && "build".equals(kind.asText())) {
                continue;
            }
            out.add(Package.application(TYPE, name.asText(), version.asText(), List.of(), path, FOUND_BY));
        }
        return out;
    }

    private static byte[] inflate(byte[] compressed) throws CargoDataException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_JSON, compressed.length * 4 + 64));
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CargoDataException(".dep-v0: truncated zlib data");
                }
                if (out.size() + n > MAX_JSON) {
                    throw new CargoDataException(".dep-v0 inflates to more than " + MAX_JSON + " bytes; not read");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CargoDataException(".dep-v0 is not zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
