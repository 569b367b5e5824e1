package io.kensa.core;

/**
 * The operating system of an image or root filesystem.
 *
 * @param family  lower-case distribution id as vulnerability feeds name it (debian, ubuntu, alpine, redhat, …)
 * @param version the release version (12.8, 3.11.5, 18.04, 15.3 …), may be empty when unknown
 * @param name    the human-readable name (PRETTY_NAME), may be null
 */
public record OsInfo(String family, String version, String name) {
    public OsInfo {
        version = version == null ? "" : version;
    }
}
