package io.kensa.analyze.lang.java;

import io.kensa.core.JavaIndex;
import io.kensa.core.MavenCoordinates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Java index held in memory, read from a {@code sha1 <TAB> groupId:artifactId:version} file. */
final class MemoryJavaIndex implements JavaIndex {
    private final Map<String, MavenCoordinates> bySha1 = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();
    private int rows;

    static MemoryJavaIndex read(Path tsv) throws IOException {
        MemoryJavaIndex index = new MemoryJavaIndex();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            MavenCoordinates c = f.length == 2 ? MavenCoordinates.parse(f[1]) : null;
            if (c != null) {
                index.add(f[0], c);
            }
        }
        return index;
    }

    /** Adds a row; the first artifact listed for a sha1 keeps it (a jar published twice). */
    void add(String sha1, MavenCoordinates c) {
        rows++;
        bySha1.putIfAbsent(sha1, c);
        List<String> g = groups.computeIfAbsent(c.artifactId() + ":" + c.version(), k -> new ArrayList<>());
        if (!g.contains(c.groupId())) {
            g.add(c.groupId());
        }
    }

    int rows() {
        return rows;
    }

    @Override
    public Optional<MavenCoordinates> bySha1(String sha1) {
        return Optional.ofNullable(bySha1.get(sha1));
    }

    @Override
    public List<String> groupIds(String artifactId, String version) {
        return groups.getOrDefault(artifactId + ":" + version, List.of());
    }
}
