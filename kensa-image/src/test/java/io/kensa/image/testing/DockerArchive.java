package io.kensa.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.core.Digest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docker save} archives from layer tars made in a test: a config naming the diffIDs, a
 * manifest.json, and each layer stored as {@code <blob digest hex>.tar.gz} (or .tar / .tar.zst). Every part can be
 * altered before writing, to make hostile archives.
 */
public final class DockerArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored forms a layer blob can take. */
    public enum Compression { NONE, GZIP, ZSTD }

    /** One layer: the blob bytes as stored, the diffID the config claims and the file name in the archive. */
    public static final class Layer {
        public byte[] blob;
        public Digest diffId;
        public String fileName;
        public String createdBy;
    }

    public final List<Layer> layers = new ArrayList<>();
    public String os = "linux";
    public String architecture = "amd64";

    public DockerArchive layer(byte[] tar) {
        return layer(tar, Compression.GZIP);
    }

    public DockerArchive layer(byte[] tar, Compression compression) {
        byte[] blob = switch (compression) {
            case NONE -> tar;
            case GZIP -> Bytes.gzip(tar);
            case ZSTD -> Bytes.zstd(tar);
        };
        String ext = switch (compression) {
            case NONE -> ".tar";
            case GZIP -> ".tar.gz";
            case ZSTD -> ".tar.zst";
        };
        return rawLayer(blob, Bytes.sha256(tar), Bytes.sha256(blob).hex() + ext);
    }

    /** A layer stored exactly as given, claiming {@code diffId}. */
    public DockerArchive rawLayer(byte[] blob, Digest diffId, String fileName) {
        Layer l = new Layer();
        l.blob = blob;
        l.diffId = diffId;
        l.fileName = fileName;
        l.createdBy = "layer " + layers.size();
        layers.add(l);
        return this;
    }

    public byte[] config() {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", architecture);
        root.put("os", os);
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        ArrayNode history = root.putArray("history");
        for (Layer l : layers) {
            ids.add(l.diffId.toString());
            history.addObject().put("created_by", l.createdBy);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the archive, in archive order: config, layers, manifest.json. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] config = config();
        String configName = Bytes.sha256(config).hex() + ".json";
        files.put(configName, config);
        ObjectNode image = JSON.createObjectNode();
        image.put("Config", configName);
        image.putArray("RepoTags").add("kensa-test/image:latest");
        ArrayNode names = image.putArray("Layers");
        for (Layer l : layers) {
            files.put(l.fileName, l.blob);
            names.add(l.fileName);
        }
        try {
            files.put("manifest.json", JSON.writeValueAsBytes(JSON.createArrayNode().add(image)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public Path write(Path file) {
        return writeTar(file, files());
    }

    /** Writes {@code files} as a tar (GNU dialect), in map order. */
    public static Path writeTar(Path file, Map<String, byte[]> files) {
        try (OutputStream os = Files.newOutputStream(file);
             TarArchiveOutputStream out = new TarArchiveOutputStream(os)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setModTime(1_783_728_000_000L);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
            out.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular files of a tar archive on disk, in order (used to alter corpus archives). */
    public static Map<String, byte[]> readTar(Path file) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
