package io.kensa.match.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.image.testing.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real OS package versions from the shared corpus: what the images have installed (their ground-truth
 * {@code packages.tsv}) and what the distributions' advisories name (OSV {@code all.zip} events, Alpine secdb
 * {@code secfixes}). Loaded once per JVM, as reading the Debian zip takes a few seconds.
 */
final class OsVersionCorpus {
    static final List<String> DEBIAN_IMAGES = List.of("debian-bookworm", "debian-distroless", "go-binaries",
            "java-app", "node-app", "python-ruby-app", "secrets-misconfig", "ubuntu18-dpkg");
    static final List<String> RPM_IMAGES = List.of("sles15-rpm-ndb", "mariner2-rpm-sqlite", "ubi8-rpm-bdb-1pkg");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SortedMap<String, SortedSet<String>>> OSV = new ConcurrentHashMap<>();

    private OsVersionCorpus() {
    }

    /**
     * Source package name → the versions installed in those images under that source: the binary packages'
     * versions and the source versions, from {@code images/NAME.expected/packages.tsv}.
     */
    static SortedMap<String, SortedSet<String>> installed(List<String> images) {
        SortedMap<String, SortedSet<String>> bySource = new TreeMap<>();
        for (String image : images) {
            Path tsv = Corpus.image(image + ".expected/packages.tsv");
            int version = Corpus.column(tsv, "version");
            int source = Corpus.column(tsv, "source");
            int sourceVersion = Corpus.column(tsv, "source_version");
            for (String[] row : Corpus.tsvBody(tsv)) {
                SortedSet<String> versions = bySource.computeIfAbsent(row[source], k -> new TreeSet<>());
                versions.add(row[version]);
                if (!row[sourceVersion].isEmpty()) {
                    versions.add(row[sourceVersion]);
                }
            }
        }
        return bySource;
    }

    /**
     * Package name → every version named by an event ({@code introduced} other than 0, {@code fixed},
     * {@code last_affected}, {@code limit}) of the {@code affected} entries whose ecosystem starts with
     * {@code ecosystemPrefix}, in {@code advisories/osv/FEED/all.zip}.
     */
    static SortedMap<String, SortedSet<String>> osvVersions(String feed, String ecosystemPrefix) {
        return OSV.computeIfAbsent(feed + "\n" + ecosystemPrefix, k -> readOsv(feed, ecosystemPrefix));
    }

    private static SortedMap<String, SortedSet<String>> readOsv(String feed, String ecosystemPrefix) {
        Path zip = Corpus.root().resolve("advisories/osv").resolve(feed).resolve("all.zip");
        SortedMap<String, SortedSet<String>> byPackage = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".json")) {
                    continue;
                }
                JsonNode record;
                try (InputStream in = z.getInputStream(e)) {
                    record = JSON.readTree(in);
                }
                for (JsonNode affected : record.path("affected")) {
                    JsonNode pkg = affected.path("package");
                    if (!pkg.path("ecosystem").asText("").startsWith(ecosystemPrefix) || !pkg.hasNonNull("name")) {
                        continue;
                    }
                    for (JsonNode range : affected.path("ranges")) {
                        for (JsonNode event : range.path("events")) {
                            event.properties().forEach(p -> {
                                String v = p.getValue().asText("");
                                if (!v.isEmpty() && !v.equals("0")) {
                                    byPackage.computeIfAbsent(pkg.get("name").asText(), n -> new TreeSet<>()).add(v);
                                }
                            });
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(zip.toString(), e);
        }
        if (byPackage.isEmpty()) {
            throw new AssertionError(zip + " names no version for ecosystem " + ecosystemPrefix);
        }
        return byPackage;
    }

    /** Package name → its {@code secfixes} versions in {@code advisories/alpine/secdb/BRANCH/REPO.json}. */
    static SortedMap<String, SortedSet<String>> secfixes(String branch, String repo) {
        Path file = Corpus.root().resolve("advisories/alpine/secdb").resolve(branch).resolve(repo + ".json");
        SortedMap<String, SortedSet<String>> byPackage = new TreeMap<>();
        try {
            for (JsonNode pkg : JSON.readTree(file.toFile()).path("packages")) {
                JsonNode p = pkg.path("pkg");
                SortedSet<String> versions = byPackage.computeIfAbsent(p.path("name").asText(), n -> new TreeSet<>());
                p.path("secfixes").properties().forEach(e -> versions.add(e.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return byPackage;
    }

    /** Every secfixes version of every branch and repository of the Alpine secdb. */
    static SortedSet<String> allSecfixes() {
        SortedSet<String> all = new TreeSet<>();
        Path secdb = Corpus.root().resolve("advisories/alpine/secdb");
        try (var branches = Files.list(secdb)) {
            for (Path branch : branches.sorted().toList()) {
                for (String repo : List.of("main", "community")) {
                    if (Files.exists(branch.resolve(repo + ".json"))) {
                        secfixes(branch.getFileName().toString(), repo).values().forEach(all::addAll);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /**
     * Pairs to compare with a real tool: every installed version of a source against every advisory version of
     * that source, then neighbours (in string order) among each package's advisory versions, up to {@code limit}
     * pairs in all; the pairs are in a stable order.
     */
    static List<List<String>> pairs(Map<String, ? extends Collection<String>> installed,
                                    Map<String, ? extends Collection<String>> advisories, int limit) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        installed.forEach((source, versions) -> {
            for (String a : versions) {
                Collection<String> fixed = advisories.get(source);
                for (String b : fixed == null ? List.<String>of() : fixed) {
                    pairs.add(List.of(a, b));
                }
            }
        });
        for (Collection<String> versions : advisories.values()) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(versions));
            for (int i = 0; i + 1 < sorted.size() && pairs.size() < limit; i++) {
                pairs.add(List.of(sorted.get(i), sorted.get(i + 1)));
            }
        }
        return new ArrayList<>(pairs).subList(0, Math.min(limit, pairs.size()));
    }
}
