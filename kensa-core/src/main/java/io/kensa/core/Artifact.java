package io.kensa.core;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What was scanned.
 *
 * @param name         the reference or path the user gave
 * @param type         image, rootfs, sbom or host
 * @param digest       the image id (config digest) for images, null otherwise
 * @param repoDigests  manifest digests, where known (registry images)
 * @param os           the detected operating system, null when none was found
 * @param architecture image architecture (amd64, arm64 …), may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String name, String type, String digest, List<String> repoDigests, OsInfo os,
                       String architecture) {
}
