package io.kensa.analyze.lang.java;

import io.kensa.core.Package;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads one Java archive and every archive nested in it, at any depth, through the zip central directory (the
 * JDK's {@link ZipFile}). Only the manifest, the Maven metadata, the archive's own license file
 * ({@code META-INF/LICENSE[.txt|.md]}) and nested archives are read. A nested archive is
 * inflated to a private temporary file beside the outer one (its sha1 computed on the way), read after its parent
 * is closed, then deleted; so at most one central directory is in memory at a time, and every byte inflated
 * counts against the {@link ArchiveLimits}. A bad archive costs a warning naming it; its siblings are still read.
 */
final class ArchiveReader {
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String MAVEN_DIR = "META-INF/maven/";
    private static final int COPY_BUFFER = 64 << 10;
    /** A license file larger than this is not read (the GPL-3 text is 35 kB). */
    private static final int MAX_LICENSE_FILE_BYTES = 256 << 10;
    private static final int LICENSE_FILE_NAME_MAX = 20;

    private final ArchiveLimits limits;
    private final List<Package> packages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long inflated;
    private int nestedArchives;
    private boolean budgetWarned;
    private boolean depthWarned;
    private boolean countWarned;
    private boolean packagesWarned;

    /** What the archive and its nested archives hold. */
    record Result(List<Package> packages, List<String> warnings) {
    }

    /** An archive waiting to be read. */
    private record Pending(Path file, String path, String label, String sha1, int depth, boolean temporary) {
    }

    /** A nested archive found while its parent is open. */
    private record Nested(ZipEntry entry, String name) {
    }

    ArchiveReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Reads the archive {@code file}, found at {@code path} in the image. */
    Result read(Path file, String path) throws IOException {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(file, path, "", sha1(file), 0, false));
        try {
            while (!pending.isEmpty()) {
                Pending p = pending.pop();
                try {
                    List<Pending> children = readOne(p);
                    for (int i = children.size() - 1; i >= 0; i--) {
                        pending.push(children.get(i));
                    }
                } finally {
                    if (p.temporary()) {
                        Files.deleteIfExists(p.file());
                    }
                }
            }
        } finally {
            for (Pending p : pending) {
                if (p.temporary()) {
                    Files.deleteIfExists(p.file());
                }
            }
        }
        return new Result(List.copyOf(packages), List.copyOf(warnings));
    }

    /** Reads one archive: its packages are recorded, its nested archives returned for later. */
    private List<Pending> readOne(Pending p) throws IOException {
        List<Pending> children = new ArrayList<>();
        try {
            String refused = refuseHugeDirectory(p.file());
            if (refused != null) {
                warn(p, refused);
                return children;
            }
            try (ZipFile zip = open(p.file())) {
                if (zip.size() > limits.maxEntries()) {
                    warn(p, "not read: " + zip.size() + " entries, over the limit of " + limits.maxEntries());
                    return children;
                }
                JarManifest manifest = null;
                byte[] licenseFile = null;
                Map<String, MavenFiles> maven = new LinkedHashMap<>();
                List<Nested> nested = new ArrayList<>();
                int unsafe = 0;
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String name = e.getName();
                    if (e.isDirectory()) {
                        continue;
                    }
                    boolean isManifest = name.equalsIgnoreCase(MANIFEST);
                    boolean isMetadata = !isManifest && isMavenMetadata(name);
                    boolean isLicense = !isManifest && !isMetadata && licenseFile == null && isLicenseFile(name);
                    boolean isArchive = !isManifest && !isMetadata && !isLicense && JavaArchives.isArchiveName(name);
                    if (!isManifest && !isMetadata && !isLicense && !isArchive) {
                        continue; // classes and resources: only their names are seen
                    }
                    if (!JavaArchives.isSafeEntryName(name)) {
                        unsafe++;
                    } else if (isLicense) {
                        licenseFile = e.getSize() <= MAX_LICENSE_FILE_BYTES ? readEntry(zip, e, p) : null;
                    } else if (isManifest) {
                        byte[] data = readEntry(zip, e, p);
                        manifest = data == null ? manifest : JarManifest.parse(data);
                    } else if (isMetadata) {
                        String dir = name.substring(0, name.lastIndexOf('/'));
                        if (!maven.containsKey(dir) && packages.size() + maven.size() >= limits.maxPackages()) {
                            tooMany(p);
                            continue;
                        }
                        byte[] data = readEntry(zip, e, p);
                        if (data != null) {
                            MavenFiles files = maven.computeIfAbsent(dir, k -> new MavenFiles());
                            if (name.endsWith("/pom.properties")) {
                                files.properties = PomProperties.parse(data);
                            } else {
                                files.pom = PomXml.parse(data);
                            }
                        }
                    } else {
                        nested.add(new Nested(e, name));
                    }
                }
                if (unsafe > 0) {
                    warn(p, unsafe + " entries with unsafe names (absolute, '..', control characters) were skipped");
                }
                packages.addAll(ArchiveIdentifier.identify(new ArchiveContents(p.path(),
                        JavaArchives.baseName(p.path()), p.sha1(), manifest, metadata(maven), licenseFile)));
                for (Nested n : nested) {
                    Pending child = extract(zip, n, p);
                    if (child != null) {
                        children.add(child);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Pending c : children) {
                Files.deleteIfExists(c.file());
            }
            children.clear();
            warn(p, "not a readable zip archive (" + message(e) + ")");
        }
        return children;
    }

    /** Why the archive's central directory is too large to load, or null when it is not. */
    private String refuseHugeDirectory(Path file) throws IOException {
        if (Files.size(file) <= limits.maxCentralDirectoryBytes()) {
            return null; // the directory is inside the file: it cannot be larger
        }
        CentralDirectorySize cd = CentralDirectorySize.of(file);
        if (cd != null && cd.bytes() > limits.maxCentralDirectoryBytes()) {
            return "not read: a central directory of " + cd.bytes() + " bytes, over the limit of "
                    + limits.maxCentralDirectoryBytes();
        }
        if (cd != null && cd.entries() > limits.maxEntries()) {
            return "not read: " + cd.entries() + " entries, over the limit of " + limits.maxEntries();
        }
        return null;
    }

    /** Opens the zip file; names that are not UTF-8 (old tools) are read as ISO-8859-1. */
    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            if (e.getMessage() == null || !e.getMessage().contains("bad entry name")) {
                throw e;
            }
            return new ZipFile(file.toFile(), Charset.forName("ISO-8859-1"));
        }
    }

    /** The archive's own license text: {@code META-INF/LICENSE}, {@code LICENSE.txt} or {@code LICENSE.md}. */
    private static boolean isLicenseFile(String name) {
        return name.length() <= LICENSE_FILE_NAME_MAX && name.regionMatches(true, 0, "META-INF/LICENSE", 0, 16)
                && (name.length() == 16 || name.regionMatches(true, 16, ".txt", 0, 4) && name.length() == 20
                || name.regionMatches(true, 16, ".md", 0, 3) && name.length() == 19);
    }

    /** {@code [prefix/]META-INF/maven/<groupId>/<artifactId>/pom.properties} or {@code pom.xml}. */
    private static boolean isMavenMetadata(String name) {
        if (!name.endsWith("/pom.properties") && !name.endsWith("/pom.xml")) {
            return false;
        }
        int dir = name.indexOf(MAVEN_DIR);
        if (dir < 0 || dir > 0 && name.charAt(dir - 1) != '/') {
            return false;
        }
        int slashes = 0;
        for (int i = dir + MAVEN_DIR.length(); i < name.length(); i++) {
            if (name.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes == 2;
    }

    /** What one {@code META-INF/maven/<groupId>/<artifactId>/} directory holds, parsed. */
    private static final class MavenFiles {
        MavenMetadata properties;
        PomXml.Pom pom;
    }

    /** The coordinates of each metadata directory: pom.properties, else pom.xml; licenses from pom.xml. */
    private static List<MavenMetadata> metadata(Map<String, MavenFiles> maven) {
        List<MavenMetadata> out = new ArrayList<>();
        for (MavenFiles files : maven.values()) {
            if (files.properties != null) {
                out.add(files.pom == null ? files.properties : files.properties.withLicenses(files.pom.licenses()));
            } else if (files.pom != null && files.pom.coordinates() != null) {
                out.add(files.pom.coordinates());
            }
        }
        return out;
    }

    private void tooMany(Pending p) {
        if (!packagesWarned) {
            packagesWarned = true;
            warn(p, "stopped reading Maven metadata: more than " + limits.maxPackages() + " packages");
        }
    }

    /** A small entry's bytes, or null (with a warning) when it is larger than the metadata limit. */
    private byte[] readEntry(ZipFile zip, ZipEntry e, Pending p) {
        if (!spend(p, 0)) {
            return null;
        }
        int limit = limits.maxMetadataBytes();
        if (e.getSize() > limit) {
            warn(p, JavaArchives.display(e.getName()) + ": skipped, " + e.getSize() + " bytes is over the limit of "
                    + limit);
            return null;
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(e)) {
            data = in.readNBytes(limit + 1);
        } catch (IOException | RuntimeException x) {
            warn(p, JavaArchives.display(e.getName()) + ": unreadable (" + message(x) + ")");
            return null;
        }
        if (!spend(p, data.length)) {
            return null;
        }
        if (data.length > limit) {
            warn(p, JavaArchives.display(e.getName()) + ": skipped, it inflates to more than " + limit + " bytes");
            return null;
        }
        return data;
    }

    /** Inflates a nested archive to a temporary file, or returns null (with a warning) when a limit forbids. */
    private Pending extract(ZipFile zip, Nested n, Pending parent) throws IOException {
        String label = parent.label().isEmpty() ? JavaArchives.display(n.name())
                : parent.label() + "!/" + JavaArchives.display(n.name());
        String path = parent.path() + "!/" + JavaArchives.display(n.name());
        if (parent.depth() + 1 > limits.maxDepth()) {
            if (!depthWarned) {
                depthWarned = true;
                warnings.add(label + ": not read, archives nested more than " + limits.maxDepth() + " deep");
            }
            return null;
        }
        if (nestedArchives >= limits.maxNestedArchives()) {
            if (!countWarned) {
                countWarned = true;
                warnings.add(label + ": not read, more than " + limits.maxNestedArchives() + " nested archives");
            }
            return null;
        }
        if (!spend(parent, 0)) {
            return null;
        }
        nestedArchives++;
        long max = limits.maxNestedArchiveBytes();
        if (n.entry().getSize() > max) {
            warnings.add(label + ": not read, " + n.entry().getSize() + " bytes is over the limit of " + max);
            return null;
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(parent.file().toAbsolutePath().getParent(), "kensa-nested-", ".zip");
        } catch (IOException x) {
            warnings.add(label + ": not read, no temporary file (" + message(x) + ")");
            return null;
        }
        boolean keep = false;
        try {
            MessageDigest sha1 = sha1Digest();
            long total = 0;
            try (InputStream in = zip.getInputStream(n.entry()); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[COPY_BUFFER];
                int r;
                while ((r = in.read(buf)) > 0) {
                    total += r;
                    if (!spend(parent, r)) {
                        return null;
                    }
                    if (total > max) {
                        warnings.add(label + ": not read, it inflates to more than " + max + " bytes");
                        return null;
                    }
                    sha1.update(buf, 0, r);
                    out.write(buf, 0, r);
                }
            } catch (IOException | RuntimeException x) {
                warnings.add(label + ": not read, it could not be inflated (" + message(x) + ")");
                return null;
            }
            keep = true;
            return new Pending(tmp, path, label, HexFormat.of().formatHex(sha1.digest()), parent.depth() + 1, true);
        } finally {
            if (!keep) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Counts inflated bytes against the budget; false (with one warning) once it is spent. */
    private boolean spend(Pending p, long bytes) {
        inflated += bytes;
        if (inflated <= limits.maxInflatedBytes()) {
            return true;
        }
        if (!budgetWarned) {
            budgetWarned = true;
            warnings.add((p.label().isEmpty() ? "" : p.label() + ": ") + "stopped reading: more than "
                    + limits.maxInflatedBytes() + " bytes inflated from this archive and its nested archives");
        }
        return false;
    }

    private void warn(Pending p, String message) {
        warnings.add(p.label().isEmpty() ? message : p.label() + ": " + message);
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : JavaArchives.display(m);
    }

    private static String sha1(Path file) throws IOException {
        MessageDigest sha1 = sha1Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[COPY_BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                sha1.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static MessageDigest sha1Digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
