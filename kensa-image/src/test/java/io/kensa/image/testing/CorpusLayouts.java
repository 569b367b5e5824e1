package io.kensa.image.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The OCI forms of debian-bookworm that the corpus does not store, made as its README says. */
public final class CorpusLayouts {
    private CorpusLayouts() {
    }

    /** {@code skopeo copy --preserve-digests docker-archive:… oci:DIR:12}; returns DIR. */
    public static Path debianOciLayout(Path parent) {
        Path layout = parent.resolve("debian-bookworm.oci");
        if (!Files.isDirectory(layout)) {
            Tools.run(parent, "skopeo", "--insecure-policy", "copy", "--quiet", "--preserve-digests",
                    "docker-archive:" + Corpus.image("debian-bookworm.docker.tar"), "oci:" + layout + ":12");
        }
        return layout;
    }

    /** {@code tar -cf debian-bookworm.oci.tar -C layout .}; returns the archive. */
    public static Path debianOciArchive(Path parent) {
        Path layout = debianOciLayout(parent);
        Path archive = parent.resolve("debian-bookworm.oci.tar");
        if (!Files.exists(archive)) {
            Tools.run(parent, "tar", "-cf", archive.toString(), "-C", layout.toString(), ".");
        }
        return archive;
    }
}
