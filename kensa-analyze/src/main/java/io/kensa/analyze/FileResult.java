package io.kensa.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kensa.analyze.malware.MalwareMatch;
import io.kensa.analyze.secret.SecretMatch;
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
 * @param ownedFiles files an OS package database says belong to an installed package: package name → paths
 *                   relative to the root, no leading slash (dpkg {@code .list} files, apk {@code F:/R:}, rpm
 *                   file lists). Application packages whose metadata is among them are marked as OS-owned.
 * @param secrets    credentials found in the file (secret scanner), already masked
 * @param malware    what malware engines flagged in the file
 * @param skipped    when not null, the file was not analysed and this says why in a few words (e.g.
 *                   {@code binary}, {@code over size limit}): such results are not kept, only counted per layer in
 *                   {@link io.kensa.analyze.engine.LayerResult#skipped()}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FileResult(String analyzer, String path, List<Package> packages, Map<String, String> properties,
                         List<String> warnings, Map<String, List<String>> ownedFiles, List<SecretMatch> secrets,
                         List<MalwareMatch> malware, String skipped) {

    public FileResult {
        packages = packages == null ? List.of() : List.copyOf(packages);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        ownedFiles = ownedFiles == null ? Map.of() : Map.copyOf(ownedFiles);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        malware = malware == null ? List.of() : List.copyOf(malware);
    }

    public FileResult(String analyzer, String path, List<Package> packages, Map<String, String> properties,
                      List<String> warnings, Map<String, List<String>> ownedFiles) {
        this(analyzer, path, packages, properties, warnings, ownedFiles, List.of(), List.of(), null);
    }

    public FileResult(String analyzer, String path, List<Package> packages, Map<String, String> properties,
                      List<String> warnings) {
        this(analyzer, path, packages, properties, warnings, Map.of());
    }

    public static FileResult ofPackages(String analyzer, String path, List<Package> packages) {
        return new FileResult(analyzer, path, packages, Map.of(), List.of());
    }

    public static FileResult ofProperties(String analyzer, String path, Map<String, String> properties) {
        return new FileResult(analyzer, path, List.of(), properties, List.of());
    }

    /** Packages found in a file, with the problems met while reading it. */
    public static FileResult of(String analyzer, String path, List<Package> packages, List<String> warnings) {
        return new FileResult(analyzer, path, packages, Map.of(), warnings);
    }

    /** The file list of OS packages read from a package database file. */
    public static FileResult ofOwnedFiles(String analyzer, String path, Map<String, List<String>> ownedFiles) {
        return new FileResult(analyzer, path, List.of(), Map.of(), List.of(), ownedFiles);
    }

    /** The credentials found in a file. */
    public static FileResult ofSecrets(String analyzer, String path, List<SecretMatch> secrets) {
        return new FileResult(analyzer, path, List.of(), Map.of(), List.of(), Map.of(), secrets, List.of(), null);
    }

    /** What malware engines flagged in a file. */
    public static FileResult ofMalware(String analyzer, String path, List<MalwareMatch> malware) {
        return new FileResult(analyzer, path, List.of(), Map.of(), List.of(), Map.of(), List.of(), malware, null);
    }

    /** A file the analyzer did not read, and why in a few words: counted per layer, not kept. */
    public static FileResult skipped(String analyzer, String path, String reason) {
        return new FileResult(analyzer, path, List.of(), Map.of(), List.of(), Map.of(), List.of(), List.of(), reason);
    }

    public FileResult withPath(String newPath) {
        return new FileResult(analyzer, newPath, packages, properties, warnings, ownedFiles, secrets, malware,
                skipped);
    }
}
