package io.kensa.analyze.lang.java;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives made in memory with the JDK's {@link ZipOutputStream}, for tests. */
final class ZipBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);

    /** A deflated entry. */
    ZipBuilder add(String name, byte[] data) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ZipBuilder add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored entry (as Spring Boot stores its nested jars). */
    ZipBuilder store(String name, byte[] data) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        try {
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return this;
    }

    byte[] build() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A jar holding only its own {@code META-INF/maven/g/a/pom.properties}. */
    static byte[] mavenJar(String groupId, String artifactId, String version) {
        return new ZipBuilder().add(pomPropertiesName(groupId, artifactId), pomProperties(groupId, artifactId, version))
                .build();
    }

    static String pomPropertiesName(String groupId, String artifactId) {
        return "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    }

    static String pomProperties(String groupId, String artifactId, String version) {
        return "#Created by Apache Maven 3.9.6\nversion=" + version + "\ngroupId=" + groupId + "\nartifactId="
                + artifactId + "\n";
    }

    static String manifest(String... headers) {
        return "Manifest-Version: 1.0\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
