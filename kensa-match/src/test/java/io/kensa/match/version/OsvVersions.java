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
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real version strings from the corpus's OSV feeds ({@code advisories/osv/<Ecosystem>/all.zip}): the values of the
 * {@code ECOSYSTEM} and {@code SEMVER} range events and of the {@code versions} lists, grouped per affected package.
 */
final class OsvVersions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<List<String>> groups;

    private OsvVersions(List<List<String>> groups) {
        this.groups = groups;
    }

    static OsvVersions of(String ecosystem) {
        Path zip = Corpus.root().resolve("advisories/osv").resolve(ecosystem).resolve("all.zip");
        if (!Files.isRegularFile(zip)) {
            throw new AssertionError("corpus file missing: " + zip);
        }
        List<List<String>> groups = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list((Enumeration<? extends ZipEntry>) z.entries());
            entries.sort((x, y) -> x.getName().compareTo(y.getName()));
            for (ZipEntry e : entries) {
                if (!e.getName().endsWith(".json")) {
                    continue;
                }
                try (InputStream in = z.getInputStream(e)) {
                    for (JsonNode affected : JSON.readTree(in).path("affected")) {
                        Set<String> versions = new LinkedHashSet<>();
                        for (JsonNode range : affected.path("ranges")) {
                            String type = range.path("type").asText();
                            if (!type.equals("ECOSYSTEM") && !type.equals("SEMVER")) {
                                continue;
                            }
                            for (JsonNode event : range.path("events")) {
                                event.properties().forEach(p -> versions.add(p.getValue().asText()));
                            }
                        }
                        affected.path("versions").forEach(v -> versions.add(v.asText()));
                        if (!versions.isEmpty()) {
                            groups.add(List.copyOf(versions));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (groups.isEmpty()) {
            throw new AssertionError("no versions in " + zip);
        }
        return new OsvVersions(groups);
    }

    /** Every distinct version, in file order. */
    List<String> all() {
        Set<String> all = new LinkedHashSet<>();
        groups.forEach(all::addAll);
        return List.copyOf(all);
    }

    /** At most {@code n} distinct versions, a fixed pseudo-random sample. */
    List<String> sample(int n, long seed) {
        List<String> all = new ArrayList<>(all());
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * At most {@code n} distinct pairs: mostly two versions of the same package (the comparisons a matcher makes,
     * with close versions), a quarter of two versions of any packages; a fixed pseudo-random choice.
     */
    List<String[]> pairs(int n, long seed) {
        Random random = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> within = new ArrayList<>();
        for (List<String> g : groups) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size() && j < i + 4; j++) {
                    if (seen.add(g.get(i) + "\t" + g.get(j))) {
                        within.add(new String[] {g.get(i), g.get(j)});
                    }
                }
            }
        }
        Collections.shuffle(within, random);
        List<String[]> out = new ArrayList<>(within.subList(0, Math.min(within.size(), n - n / 4)));
        List<String> all = all();
        for (int tries = 0; out.size() < n && tries < 10 * n; tries++) {
            String a = all.get(random.nextInt(all.size()));
            String b = all.get(random.nextInt(all.size()));
            if (seen.add(a + "\t" + b)) {
                out.add(new String[] {a, b});
            }
        }
        return out;
    }
}
