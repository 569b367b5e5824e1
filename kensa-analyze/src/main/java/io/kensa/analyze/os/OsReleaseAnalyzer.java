package io.kensa.analyze.os;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files that name a Linux distribution: {@code os-release} (as key/value pairs) and the
 * single-line release files of Alpine, Debian, the Red Hat family, Amazon, SUSE and Photon (as {@code CONTENT}).
 */
public final class OsReleaseAnalyzer implements Analyzer {
    public static final String ID = "os-release";
    /** The property holding the first line of a single-line release file. */
    public static final String CONTENT = "CONTENT";

    static final Set<String> KEY_VALUE_FILES = Set.of("etc/os-release", "usr/lib/os-release", "etc/lsb-release");
    static final Set<String> LINE_FILES = Set.of("etc/alpine-release", "etc/debian_version", "etc/redhat-release",
            "etc/system-release", "etc/centos-release", "etc/rocky-release", "etc/almalinux-release",
            "etc/oracle-release", "etc/fedora-release", "etc/SuSE-release", "etc/photon-release",
            "etc/mariner-release", "etc/azurelinux-release");
    private static final long MAX_SIZE = 64 * 1024;

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
        return path.startsWith("etc/") ? KEY_VALUE_FILES.contains(path) || LINE_FILES.contains(path)
                : path.equals("usr/lib/os-release");
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        String text = new String(entry.readAllBytes(MAX_SIZE), StandardCharsets.UTF_8);
        Map<String, String> props = new LinkedHashMap<>();
        if (KEY_VALUE_FILES.contains(entry.path())) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                String key = eq > 0 ? line.substring(0, eq).trim() : "";
                if (key.isEmpty() || key.startsWith("#") || !key.matches("[A-Za-z0-9_]+")) {
                    continue;
                }
                props.put(key, unquote(line.substring(eq + 1).trim()));
            }
        } else {
            String first = text.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
            props.put(CONTENT, first);
            // SuSE-release carries VERSION = / PATCHLEVEL = lines
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    props.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return props.isEmpty() ? null : FileResult.ofProperties(ID, entry.path(), props);
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replace("\\\"", "\"").replace("\\$", "$").replace("\\`", "`").replace("\\\\", "\\");
    }
}
