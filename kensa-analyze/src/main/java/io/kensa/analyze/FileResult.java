package io.kensa.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kensa.core.Package;

import java.util.List;
import java.util.Map;

/**
 * What an analyzer found in one file: pure data, cached per layer.
 *
 * @param analyzer   id of the analyzer that produced it
 * @param path       the file, relative to the root
 * @param packages   packages recorded in the file (a package database, a manifest …)
 * @param properties key/value facts (e.g. the fields of an os-release file)
 * @param warnings   problems with this file that did not stop the scan
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FileResult(String analyzer, String path, List<Package> packages, Map<String, String> properties,
                         List<String> warnings) {

    public FileResult {
        packages = packages == null ? List.of() : List.copyOf(packages);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static FileResult ofPackages(String analyzer, String path, List<Package> packages) {
        return new FileResult(analyzer, path, packages, Map.of(), List.of());
    }

    public static FileResult ofProperties(String analyzer, String path, Map<String, String> properties) {
        return new FileResult(analyzer, path, List.of(), properties, List.of());
    }

    public FileResult withPath(String newPath) {
        return new FileResult(analyzer, newPath, packages, properties, warnings);
    }
}
