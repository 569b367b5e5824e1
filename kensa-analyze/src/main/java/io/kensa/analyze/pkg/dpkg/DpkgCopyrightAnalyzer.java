package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.license.LicenseTextClassifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licenses of a Debian package, from its {@code usr/share/doc/<package>/copyright}. A machine-readable file
 * (<a href="https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/">copyright-format 1.0</a>, "DEP-5")
 * gives them in the {@code License:} fields of its header and of its {@code Files:} paragraphs (the short name on
 * the field's first line; paragraphs covering only {@code debian/*}, the packaging, are left out as they are not in
 * the binary package). Any other copyright file is free text: the licenses whose texts or GNU notices it holds
 * ({@link LicenseTextClassifier}), else the files of {@code /usr/share/common-licenses/} it points to (Debian's
 * short names: {@code GPL-2}). The result is the property {@code licenses} (one per line, as declared: the license
 * detector normalises them) and {@code format} ({@code dep5} or {@code text}); the inventory gives them to the deb
 * package of that name ({@link DpkgCopyrights}).
 */
public final class DpkgCopyrightAnalyzer implements Analyzer {
    public static final String ID = "dpkg-copyright";
    static final String DOC = "usr/share/doc/";
    static final String COPYRIGHT = "/copyright";
    /** The property holding the licenses, one per line. */
    public static final String LICENSES = "licenses";
    static final String FORMAT = "format";
    private static final long MAX_BYTES = 4L << 20;
    private static final int MAX_LICENSES = 64;
    private static final int MAX_NAME = 200;
    private static final Set<String> FIELDS = Set.of("Format", "Format-Specification", "Files", "License");
    private static final Pattern COMMON_LICENSE = Pattern.compile(
            "/usr/share/common-licenses/([A-Za-z0-9][A-Za-z0-9.+_-]*[A-Za-z0-9+])");

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
        return path.startsWith(DOC) && path.endsWith(COPYRIGHT) && path.length() > DOC.length() + COPYRIGHT.length()
                && path.indexOf('/', DOC.length()) == path.length() - COPYRIGHT.length();
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return FileResult.skipped(ID, entry.path(), "over size limit");
        }
        String text = new String(entry.readAllBytes(MAX_BYTES), StandardCharsets.UTF_8);
        boolean dep5 = isMachineReadable(text);
        List<String> licenses = dep5 ? dep5Licenses(text) : List.of();
        if (licenses.isEmpty()) {
            licenses = textLicenses(text);
        }
        if (licenses.isEmpty()) {
            return null;
        }
        return FileResult.ofProperties(ID, entry.path(),
                Map.of(LICENSES, String.join("\n", licenses), FORMAT, dep5 ? "dep5" : "text"));
    }

    /** A copyright-format file starts with its {@code Format:} field (older drafts: {@code Format-Specification:}). */
    static boolean isMachineReadable(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.regionMatches(true, i, "Format:", 0, 7) || text.regionMatches(true, i, "Format-Specification:", 0,
                21);
    }

    /** The short names of the header's and the Files paragraphs' {@code License:} fields, each once, in order. */
    static List<String> dep5Licenses(String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<Map<String, String>> paragraphs = Deb822Parser.parse(new BufferedReader(new StringReader(text)), FIELDS);
        for (int i = 0; i < paragraphs.size() && out.size() < MAX_LICENSES; i++) {
            Map<String, String> p = paragraphs.get(i);
            String license = p.get("License");
            boolean header = i == 0 && (p.containsKey("Format") || p.containsKey("Format-Specification"));
            if (license == null || !header && (!p.containsKey("Files") || packagingOnly(p.get("Files")))) {
                continue; // a stand-alone License paragraph defines a text; it licenses no file by itself
            }
            int nl = license.indexOf('\n');
            String name = (nl < 0 ? license : license.substring(0, nl)).strip();
            if (!name.isEmpty() && name.length() <= MAX_NAME) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Whether every pattern of a {@code Files:} field is under {@code debian/}: the packaging, not the program. */
    private static boolean packagingOnly(String files) {
        String[] patterns = files.strip().split("\\s+");
        for (String f : patterns) {
            if (!f.startsWith("debian/") && !f.equals("debian")) {
                return false;
            }
        }
        return patterns.length > 0;
    }

    /** Licenses of a free-text copyright file: classified, else the common-licenses files it points to. */
    static List<String> textLicenses(String text) {
        List<String> classified = LicenseTextClassifier.bundled().classify(text);
        if (!classified.isEmpty()) {
            return classified.size() > MAX_LICENSES ? classified.subList(0, MAX_LICENSES) : classified;
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = COMMON_LICENSE.matcher(text);
        while (m.find() && out.size() < MAX_LICENSES) {
            String name = m.group(1);
            if (!name.toLowerCase(Locale.ROOT).equals("readme")) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }
}
