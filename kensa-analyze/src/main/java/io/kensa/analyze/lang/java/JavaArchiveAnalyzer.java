package io.kensa.analyze.lang.java;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Java application archives ({@code .jar .war .ear .jpi .hpi .par .sar}) and every archive nested in them, such
 * as {@code BOOT-INF/lib/*.jar} in a Spring Boot jar or {@code WEB-INF/lib/*.jar} in a WAR. Each archive's Maven
 * coordinates come from its {@code pom.properties} (all of them: a shaded jar bundles several), else
 * {@code pom.xml}, else its manifest and file name; each archive's sha1 is recorded on its own package so the Java
 * index can name it exactly at inventory time. Package paths name the archive holding the metadata, nested
 * archives as a chain: {@code app/app.war!/WEB-INF/lib/x.jar}.
 */
public final class JavaArchiveAnalyzer implements Analyzer {
    public static final String ID = "java-archive";

    private final ArchiveLimits limits;

    public JavaArchiveAnalyzer() {
        this(ArchiveLimits.DEFAULT);
    }

    JavaArchiveAnalyzer(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 2; // 2: licenses from pom.xml <url>, the manifest's Bundle-License and META-INF/LICENSE
    }

    @Override
    public boolean wants(String path) {
        return JavaArchives.isArchiveName(path);
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > limits.maxArchiveBytes()) {
            return FileResult.of(ID, entry.path(), List.of(), List.of("not read: " + entry.size()
                    + " bytes is over the limit of " + limits.maxArchiveBytes()));
        }
        Path file = entry.toTempFile(limits.maxArchiveBytes());
        ArchiveReader.Result r = new ArchiveReader(limits).read(file, entry.path());
        return r.packages().isEmpty() && r.warnings().isEmpty() ? null
                : FileResult.of(ID, entry.path(), r.packages(), r.warnings());
    }
}
