package io.kensa.analyze.lang.java;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Java runtime's {@code release} file ({@code JAVA_VERSION="17.0.2"}, {@code IMPLEMENTOR="Eclipse Adoptium"})
 * at the top of every JDK and JRE since Java 8. The runtime is a package of purl type {@code generic}, named as
 * Syft names it so that vulnerability data keyed by CPE vendor and product finds it: {@code oracle/openjdk} for
 * OpenJDK builds (Temurin, Corretto, Debian's, Oracle's …), {@code oracle/jdk} or {@code oracle/jre} for
 * Oracle's commercial JDK,
 * {@code azul/zulu} for Zulu. Its version is {@code JAVA_VERSION} ({@code 17.0.2}, {@code 1.8.0_402}), the
 * release number advisories use, not the build-qualified runtime version.
 */
public final class JdkReleaseAnalyzer implements Analyzer {
    public static final String ID = "jdk-release";
    public static final String TYPE = "generic";
    static final String FOUND_BY = "release";
    private static final int MAX_BYTES = 64 << 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return path.endsWith("/release");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return null; // a runtime's release file is a few kilobytes: this is some other file
        }
        Map<String, String> fields = parse(new String(entry.readAllBytes(MAX_BYTES), StandardCharsets.UTF_8));
        String version = fields.get("JAVA_VERSION");
        if (version == null || !MavenMetadata.usable(version)) {
            return null;
        }
        String name = name(fields.getOrDefault("IMPLEMENTOR", ""), fields.getOrDefault("IMAGE_TYPE", ""),
                fields.getOrDefault("BUILD_TYPE", ""), entry.path());
        return FileResult.ofPackages(ID, entry.path(),
                List.of(Package.application(TYPE, name, version, List.of(), entry.path(), FOUND_BY)));
    }

    /** {@code KEY="value"} lines. */
    static Map<String, String> parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            fields.putIfAbsent(line.substring(0, eq).strip(), value);
        }
        return fields;
    }

    /**
     * vendor/product, as CPEs spell them. Oracle's OpenJDK builds say {@code IMPLEMENTOR="Oracle Corporation"} too;
     * only its commercial JDK says {@code BUILD_TYPE="commercial"}.
     */
    static String name(String implementor, String imageType, String buildType, String path) {
        String who = implementor.toLowerCase(Locale.ROOT).replace(" ", "");
        String lowerPath = path.toLowerCase(Locale.ROOT);
        if (who.contains("azul") || lowerPath.contains("zulu")) {
            return "azul/zulu";
        }
        boolean jre = imageType.equalsIgnoreCase("JRE") || imageType.isEmpty() && lowerPath.contains("jre");
        if (who.contains("sun")) {
            return "sun/" + (jre ? "jre" : "jdk");
        }
        if (who.startsWith("oracle") && buildType.equalsIgnoreCase("commercial")) {
            return "oracle/" + (jre ? "jre" : "jdk");
        }
        return "oracle/openjdk";
    }
}
