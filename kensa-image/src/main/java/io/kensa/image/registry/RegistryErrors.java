package io.kensa.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.core.KensaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns an unsuccessful registry API response into a one-line {@link KensaException}, using the distribution
 * spec's error document ({@code {"errors":[{"code":…,"message":…}]}}) when the registry sends one.
 */
final class RegistryErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private RegistryErrors() {
    }

    /** The error code and message of the first entry of a distribution error document. */
    record ApiError(String code, String message) {
        static final ApiError NONE = new ApiError(null, null);

        String describe() {
            if (code == null && message == null) {
                return "";
            }
            String text = message != null && !message.isBlank() ? message : code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return " (registry says: " + HttpTransport.clip(text.replace('\n', ' ')) + ")";
        }
    }

    /** Reads the error document of {@code response} (bounded) and closes it. */
    static ApiError read(RegistryResponse response) {
        byte[] body = response.bodyPrefix(MAX_ERROR_BODY);
        response.close();
        if (body.length == 0) {
            return ApiError.NONE;
        }
        try {
            JsonNode first = JSON.readTree(body).path("errors").path(0);
            if (first.isObject()) {
                return new ApiError(first.path("code").asText(null), first.path("message").asText(null));
            }
        } catch (IOException | RuntimeException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new ApiError(null, text.isEmpty() ? null : text);
        }
        return ApiError.NONE;
    }

    /**
     * The error for a final, unsuccessful response to a manifest or blob request.
     *
     * @param registry the registry's name
     * @param subject  the image, e.g. {@code 127.0.0.1:5000/repo:tag}
     * @param what     what was fetched, e.g. "the manifest of …" or "blob sha256:… of …"
     */
    static KensaException forStatus(RegistryResponse response, String registry, String subject, String what) {
        int status = response.status();
        ApiError error = read(response);
        String code = error.code() == null ? "" : error.code();
        return switch (status) {
            case 401 -> new KensaException("authentication failed for registry " + registry + " while fetching " + what
                    + error.describe() + "; check the user name and password");
            case 403 -> new KensaException("access to " + subject + " denied by registry " + registry + error.describe());
            case 404 -> switch (code) {
                case "BLOB_UNKNOWN" -> new KensaException(what + " not found in registry " + registry + error.describe());
                case "NAME_UNKNOWN" -> new KensaException("image " + subject + " not found: repository unknown to registry "
                        + registry + error.describe());
                default -> what.startsWith("blob")
                        ? new KensaException(what + " not found in registry " + registry + error.describe())
                        : new KensaException("image " + subject + " not found in registry " + registry + error.describe());
            };
            case 429 -> new KensaException("registry " + registry + " rate-limited the request for " + what + error.describe());
            default -> new KensaException("registry " + registry + " answered HTTP " + status + " to the request for "
                    + what + error.describe());
        };
    }
}
