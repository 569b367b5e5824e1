package io.kensa.image.oci;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON reader for image documents (manifests, indexes, configs); thread-safe once built. */
public final class OciJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private OciJson() {
    }
}
