package io.kensa.db.build.maven;

import io.kensa.db.store.JavaIndexEntry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes crawled rows as a Java sha1 index file, the format of a feeds folder's {@code maven/sha1-index.tsv}
 * (header {@code sha1<TAB>gav}), so a crawl can be kept and rebuilt from offline. Written whole or not at all.
 */
public final class Sha1IndexTsv {
    private Sha1IndexTsv() {
    }

    public static void write(List<JavaIndexEntry> entries, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("sha1\tgav\n");
                for (JavaIndexEntry e : entries) {
                    w.write(e.sha1());
                    w.write('\t');
                    w.write(e.coordinates().toString());
                    w.write('\n');
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
