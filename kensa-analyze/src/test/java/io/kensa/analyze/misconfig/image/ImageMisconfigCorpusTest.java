package io.kensa.analyze.misconfig.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.misconfig.MisconfigAnalyzers;
import io.kensa.analyze.scan.Detector;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image checks on the real corpus images, through the real layer pass ({@link ImageScanner} with the
 * misconfiguration analyzers) and the detector. Content trust is taken as enabled except where it is the subject.
 */
class ImageMisconfigCorpusTest {
    @TempDir
    Path scratch;

    /** Scans a corpus image; the detector is made for the source (it gets the archive's RepoTags). */
    private ScanReport scan(String image, java.util.function.Function<ImageSource, Detector> detector)
            throws Exception {
        try (ImageSource source = LocalImages.open(Corpus.image(image).toString(), null, LayerLimits.DEFAULT)) {
            return new ImageScanner(new AnalyzerRegistry(MisconfigAnalyzers.all()), LayerCache.NONE, scratch,
                    LayerLimits.DEFAULT, 2, ScanProgress.NONE, JavaIndex.NONE, List.of(detector.apply(source)))
                    .scan(source);
        }
    }

    private Set<String> ids(String image) throws Exception {
        return ids(scan(image, s -> new ImageMisconfigDetector(s.repoTags(), true)).misconfigurations());
    }

    private static Set<String> ids(List<MisconfigFinding> findings) {
        return findings.stream().map(MisconfigFinding::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> diffIds(String image) {
        List<String> out = new ArrayList<>();
        for (String[] row : Corpus.tsv(Corpus.image(image + ".expected/layers.tsv"))) {
            if (!row[0].equals("index")) {
                out.add(row[1]);
            }
        }
        return out;
    }

    private static MisconfigFinding only(List<MisconfigFinding> findings, String id, String path) {
        List<MisconfigFinding> hits = findings.stream()
                .filter(f -> f.id().equals(id) && java.util.Objects.equals(f.path(), path)).toList();
        assertThat(hits).as(id + " at " + path).hasSize(1);
        return hits.getFirst();
    }

    @Test
    void secretsMisconfigFiresWhatIsPlanted() throws Exception {
        JsonNode planted = new ObjectMapper().readTree(Corpus.image("secrets-misconfig.expected/planted.json").toFile())
                .get("planted");
        List<String> layers = diffIds("secrets-misconfig");
        ScanReport report = scan("secrets-misconfig.docker.tar", s -> new ImageMisconfigDetector(s.repoTags(), true));
        List<MisconfigFinding> found = report.misconfigurations();
        // What the corpus README plants, and why each other check fires:
        //   CIS-DI-0001 config has no User; CIS-DI-0006 no Healthcheck; CIS-DI-0007 + DKL-DI-0005 the history's
        //   "RUN /bin/sh -c apt-get update" alone (nothing installed, lists not removed); CIS-DI-0008 the setuid
        //   netdiag of L4; CIS-DI-0009 the remote-URL ADD of L1 (the base's "ADD file:… in /" is exempt);
        //   CIS-DI-0010 Env AWS_SECRET_ACCESS_KEY and /root/.aws/credentials (L2; /app/id_rsa is deleted in L3, so
        //   not in the container); DKL-DI-0001 "sudo install" and KSN-DI-0002 "curl … | sh" in L4's RUN;
        //   KSN-DI-0001 ExposedPorts 22/tcp; DKL-LI-0003 /tmp/eicar.com left in /tmp; DKL-DI-0006 the RepoTag
        //   kensa-corpus/secrets-misconfig:latest of the archive.
        assertThat(ids(found)).containsExactly("CIS-DI-0001", "CIS-DI-0006", "CIS-DI-0007", "CIS-DI-0008",
                "CIS-DI-0009", "CIS-DI-0010", "DKL-DI-0001", "DKL-DI-0005", "DKL-DI-0006", "DKL-LI-0003",
                "KSN-DI-0001", "KSN-DI-0002");
        assertThat(found).allMatch(f -> f.source().equals("image"));

        for (JsonNode p : planted) {
            if (p.path("kind").asText().equals("setuid-root")) {
                MisconfigFinding setuid = only(found, "CIS-DI-0008", p.get("path").asText());
                assertThat(setuid.layer()).isEqualTo(layers.get(p.get("layer").asInt()));
                assertThat(setuid.evidence()).containsExactly(p.get("path").asText() + " mode "
                        + p.get("mode").asText() + " (setuid)");
            }
        }
        MisconfigFinding add = only(found, "CIS-DI-0009", null);
        assertThat(add.layer()).isEqualTo(layers.get(1));
        assertThat(add.evidence().getFirst()).contains("ADD https://downloads.example.com/netdiag/install.sh");
        MisconfigFinding sudo = only(found, "DKL-DI-0001", null);
        assertThat(sudo.layer()).isEqualTo(layers.get(4));
        assertThat(only(found, "KSN-DI-0002", null).layer()).isEqualTo(layers.get(4));
        assertThat(only(found, "CIS-DI-0010", "/root/.aws/credentials").layer()).isEqualTo(layers.get(2));
        MisconfigFinding env = only(found, "CIS-DI-0010", null);
        assertThat(env.evidence()).containsExactly("config Env sets AWS_SECRET_ACCESS_KEY (value hidden)",
                "/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=********");
        assertThat(only(found, "DKL-LI-0003", "/tmp").layer()).isEqualTo(layers.get(4));
        assertThat(only(found, "CIS-DI-0007", null).evidence()).containsExactly("RUN /bin/sh -c apt-get update");
        assertThat(only(found, "KSN-DI-0001", null).evidence()).containsExactly("config ExposedPorts has 22/tcp: SSH (22)");

        // no planted value appears in any finding
        String all = found.toString();
        for (JsonNode p : planted) {
            String v = p.path("value").asText("");
            if (v.length() >= 8 && !p.path("kind").asText().equals("misconfig")) {
                assertThat(all).as(p.path("kind").asText()).doesNotContain(v);
            }
        }
    }

    @Test
    void javaAppIsClean() throws Exception {
        // java-app: User 65534:65534, a HEALTHCHECK, COPY only (its ADD is the base's rootfs), no setuid file.
        assertThat(ids("java-app.docker.tar")).isEmpty();
        // CIS-DI-0005 is the only check that depends on where the scan runs: content trust off fires it.
        ScanReport untrusted = scan("java-app.docker.tar", s -> new ImageMisconfigDetector(s.repoTags(), false));
        assertThat(ids(untrusted.misconfigurations())).containsExactly("CIS-DI-0005");
    }

    @Test
    void otherCorpusImages() throws Exception {
        // debian-bookworm: no User and no Healthcheck; its RUN updates, installs and removes the apt lists.
        assertThat(ids("debian-bookworm.docker.tar")).containsExactly("CIS-DI-0001", "CIS-DI-0006");
        // distroless-based images run as 65532 (or 65532 via python-ruby-app's USER) but have no Healthcheck.
        for (String image : List.of("debian-distroless.docker.tar", "node-app.docker.tar", "go-binaries.docker.tar",
                "python-ruby-app.docker.tar", "multiarch-distroless.oci")) {
            assertThat(ids(image)).as(image).containsExactly("CIS-DI-0006");
        }
        // the non-Debian images hold only a package database and release files; their config has no User and no
        // Healthcheck, and their history lines (apko, ADD of the rootfs) are not RUN steps.
        for (String image : List.of("alpine311-apk.docker.tar", "ubuntu18-dpkg.docker.tar",
                "mariner2-rpm-sqlite.docker.tar", "sles15-rpm-ndb.docker.tar", "ubi8-rpm-bdb-1pkg.docker.tar")) {
            assertThat(ids(image)).as(image).containsExactly("CIS-DI-0001", "CIS-DI-0006");
        }
        // wolfi-apk is saved as kensa-corpus/wolfi-base:latest (its RepoTags)
        assertThat(ids("wolfi-apk.docker.tar")).containsExactly("CIS-DI-0001", "CIS-DI-0006", "DKL-DI-0006");
    }
}
