package io.kensa.match.vex;

import io.kensa.image.testing.Corpus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The VEX documents the tests read: the corpus' and this module's test resources. */
final class VexResources {
    private VexResources() {
    }

    static VexDocument corpus(String relative) {
        return VexDocuments.read(Corpus.root().resolve("advisories/vex").resolve(relative));
    }

    /** A document inside {@code advisories/vex/openvex/vexhub.zip}. */
    static VexDocument vexHub(String entryName) {
        Path zipFile = Corpus.root().resolve("advisories/vex/openvex/vexhub.zip");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(entryName)) {
                    return VexDocuments.parse(new FilterInputStream(zip) {
                        @Override
                        public void close() {
                        }
                    }, entryName);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(entryName + " not in " + zipFile);
    }

    static VexDocument resource(String name) {
        return VexDocuments.read(path(name));
    }

    static Path path(String name) {
        try {
            return Path.of(VexResources.class.getResource("/vex/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource /vex/" + name + " missing", e);
        }
    }

    static VexDocument inline(String json) {
        InputStream in = new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return VexDocuments.parse(in, "inline.json");
    }
}
