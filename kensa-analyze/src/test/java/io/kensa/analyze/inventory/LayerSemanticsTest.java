package io.kensa.analyze.inventory;

import io.kensa.analyze.testing.Scans;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Overlay semantics (whiteouts, opaque directories, links) on images made layer by layer in the test. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LayerSemanticsTest {
    private static final String STATUS = "var/lib/dpkg/status";
    private static final String DEBIAN_RELEASE = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n";

    @TempDir
    Path dir;

    static String status(String... nameVersions) {
        StringBuilder sb = new StringBuilder();
        for (String nv : nameVersions) {
            String[] p = nv.split("=");
            sb.append("Package: ").append(p[0]).append("\nStatus: install ok installed\nArchitecture: amd64\nVersion: ")
                    .append(p[1]).append("\nDescription: test\n multi-line\n\n");
        }
        return sb.toString();
    }

    static String statusD(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: amd64\n";
    }

    private ScanReport scan(TarBuilder... layers) throws IOException {
        DockerArchive image = new DockerArchive();
        for (TarBuilder l : layers) {
            image.layer(l.build());
        }
        Path file = image.write(Files.createTempFile(dir, "image-", ".tar"));
        return Scans.scan(file, dir.resolve("scratch"));
    }

    private static Map<String, String> versions(ScanReport r) {
        return Scans.versions(r.packages());
    }

    @Test
    void whiteoutOfThePackageDatabaseRemovesItsPackages() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1", "b=2")),
                TarBuilder.layer().whiteout(STATUS));
        assertThat(r.packages()).isEmpty();
    }

    @Test
    void whiteoutOfAParentDirectoryRemovesEverythingBelow() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1")).file("var/lib/dpkg/status.d/x", statusD("x", "1"))
                        .file("etc/os-release", DEBIAN_RELEASE),
                TarBuilder.layer().whiteout("var/lib/dpkg"));
        assertThat(r.packages()).isEmpty();
        assertThat(r.artifact().os().family()).isEqualTo("debian");
        ScanReport root = scan(
                TarBuilder.layer().file(STATUS, status("a=1")),
                TarBuilder.layer().whiteout("var"));
        assertThat(root.packages()).isEmpty();
    }

    @Test
    void whiteoutOfASiblingWithACommonPrefixLeavesTheDatabase() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1")).file("var/lib/dpkg/status-old", status("old=0")),
                TarBuilder.layer().whiteout("var/lib/dpkg/status-old").whiteout("var/lib/dpk"));
        assertThat(versions(r)).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void opaqueDirectoryHidesLowerContentButNotItsOwnLayers() throws IOException {
        String d = "var/lib/dpkg/status.d";
        ScanReport r = scan(
                TarBuilder.layer().file(d + "/a", statusD("a", "1")).file(d + "/b", statusD("b", "1"))
                        .file(STATUS, status("s=1")),
                // the new file comes before the marker in the tar: order inside a layer must not matter
                TarBuilder.layer().file(d + "/c", statusD("c", "1")).opaque(d).file(d + "/e", statusD("e", "1")));
        assertThat(versions(r)).containsOnlyKeys("c", "e", "s");
        String l1 = r.layers().get(1).diffId();
        assertThat(Scans.find(r.packages(), "c").layer()).isEqualTo(l1);
        assertThat(Scans.find(r.packages(), "s").layer()).isEqualTo(r.layers().get(0).diffId());
    }

    @Test
    void opaqueDirectoryWithNothingNewEmptiesIt() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1")),
                TarBuilder.layer().dir("var/lib/dpkg").opaque("var/lib/dpkg"));
        assertThat(r.packages()).isEmpty();
    }

    @Test
    void upgradedPackageBelongsToTheLayerThatUpgradedItAndRewrittenOnesKeepTheirs() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1", "b=1")),
                TarBuilder.layer().file(STATUS, status("a=2", "b=1", "c=1")));
        assertThat(versions(r)).isEqualTo(Map.of("a", "2", "b", "1", "c", "1"));
        String l0 = r.layers().get(0).diffId();
        String l1 = r.layers().get(1).diffId();
        assertThat(Scans.find(r.packages(), "a").layer()).isEqualTo(l1);
        assertThat(Scans.find(r.packages(), "b").layer()).isEqualTo(l0);
        assertThat(Scans.find(r.packages(), "c").layer()).isEqualTo(l1);
    }

    @Test
    void packageRemovedThenReinstalledBelongsToTheReinstallingLayer() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file(STATUS, status("a=1")),
                TarBuilder.layer().whiteout(STATUS),
                TarBuilder.layer().file(STATUS, status("a=1")));
        assertThat(Scans.find(r.packages(), "a").layer()).isEqualTo(r.layers().get(2).diffId());
    }

    @Test
    void symlinkedOsReleaseResolvesRelativeAndAbsolute() throws IOException {
        for (String target : new String[]{"../usr/lib/os-release", "/usr/lib/os-release", "./../usr/./lib//os-release"}) {
            ScanReport r = scan(TarBuilder.layer()
                    .file("usr/lib/os-release", DEBIAN_RELEASE)
                    .symlink("etc/os-release", target)
                    .file(STATUS, status("a=1:2.0-1")));
            assertThat(r.artifact().os()).as(target).isNotNull();
            assertThat(r.artifact().os().family()).isEqualTo("debian");
            assertThat(r.artifact().os().version()).isEqualTo("12");
            assertThat(Scans.find(r.packages(), "a").purl()).isEqualTo("pkg:deb/debian/a@2.0-1?arch=amd64&distro=debian-12&epoch=1");
        }
    }

    @Test
    void linkInALowerLayerSeesTheTargetOfAHigherOne() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().symlink("etc/os-release", "../usr/lib/os-release"),
                TarBuilder.layer().file("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.1\n"));
        assertThat(r.artifact().os().family()).isEqualTo("alpine");
        assertThat(r.artifact().os().version()).isEqualTo("3.20.1");
        // and a whiteout of the target in a still higher layer leaves a dangling link
        ScanReport gone = scan(
                TarBuilder.layer().symlink("etc/os-release", "../usr/lib/os-release")
                        .file("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.1\n"),
                TarBuilder.layer().whiteout("usr/lib/os-release"));
        assertThat(gone.artifact().os()).isNull();
    }

    @Test
    void upperLayerFileReplacesALowerLink() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().symlink("etc/os-release", "../usr/lib/os-release")
                        .file("usr/lib/os-release", "ID=alpine\nVERSION_ID=3.20.1\n"),
                TarBuilder.layer().file("etc/os-release", DEBIAN_RELEASE));
        assertThat(r.artifact().os().family()).isEqualTo("debian");
    }

    @Test
    void symlinksPointingOutOfTheRootNeverReadTheHost() throws IOException {
        // this machine has /etc/os-release and /var/lib/dpkg/status: a scanner following links on the host would
        // find an OS and packages here
        assertThat(Path.of("/etc/os-release")).exists();
        for (String target : new String[]{"../../../../../../etc/os-release", "/etc/os-release", "/../../etc/os-release"}) {
            ScanReport r = scan(TarBuilder.layer()
                    .symlink("etc/os-release", target)
                    .symlink("usr/lib/os-release", "/proc/self/environ")
                    .symlink(STATUS, "../../../../../../../../var/lib/dpkg/status"));
            assertThat(r.artifact().os()).as(target).isNull();
            assertThat(r.packages()).as(target).isEmpty();
        }
    }

    @Test
    void linkLoopsEndQuietly() throws IOException {
        ScanReport r = scan(TarBuilder.layer()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("usr/lib/os-release", "/etc/os-release")
                .symlink(STATUS, "status"));
        assertThat(r.artifact().os()).isNull();
        assertThat(r.packages()).isEmpty();
    }

    @Test
    void hardLinkToAnAnalysedFileInsideTheImageIsFollowed() throws IOException {
        ScanReport r = scan(TarBuilder.layer()
                .file("usr/lib/os-release", DEBIAN_RELEASE)
                .hardlink("etc/os-release", "usr/lib/os-release"));
        assertThat(r.artifact().os().family()).isEqualTo("debian");
    }

    @Test
    void entriesAndHardLinksLeavingTheRootAreSkippedWithAWarning() throws IOException {
        ScanReport r = scan(TarBuilder.layer()
                .file("../../../../etc/os-release", DEBIAN_RELEASE)
                .file("../" + STATUS, status("evil=1"))
                .hardlink("etc/os-release", "../../../../etc/os-release")
                .file("/" + STATUS, status("absolute=1"))
                .file("./usr/lib/os-release", "ID=alpine\nVERSION_ID=3.1\n"));
        assertThat(versions(r)).containsExactly(Map.entry("absolute", "1"));
        assertThat(r.artifact().os().family()).isEqualTo("alpine");
        assertThat(r.warnings()).singleElement().asString()
                .contains("3 entries of layer").contains("leaving the image root were ignored");
    }

    @Test
    void apkDatabaseAndItsWhiteout() throws IOException {
        String db = "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\nL:MIT\n\nP:busybox\nV:1.36.1-r5\nA:x86_64\no:busybox\n\n";
        ScanReport r = scan(TarBuilder.layer().file("lib/apk/db/installed", db)
                .file("etc/alpine-release", "3.19.1\n").file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"));
        assertThat(versions(r)).isEqualTo(Map.of("busybox", "1.36.1-r5", "musl", "1.2.4-r2"));
        Package musl = Scans.find(r.packages(), "musl");
        assertThat(musl.purl()).isEqualTo("pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=3.19.1");
        assertThat(musl.licenses()).containsExactly("MIT");
        ScanReport removed = scan(TarBuilder.layer().file("lib/apk/db/installed", db),
                TarBuilder.layer().whiteout("lib/apk/db/installed"));
        assertThat(removed.packages()).isEmpty();
    }

    @Test
    void packageDatabaseHiddenInAFifosSizeFieldIsStillFound() throws IOException {
        // a runtime (Go's archive/tar) gives a FIFO no data and unpacks the status file that follows it
        byte[] hidden = new io.kensa.image.testing.RawTar().file(STATUS, io.kensa.image.testing.Bytes.utf8(status("hidden=6.6")))
                .bytes();
        byte[] layer = new io.kensa.image.testing.RawTar()
                .add(io.kensa.image.testing.RawTar.header("run/fifo", '6', hidden.length, null))
                .raw(hidden).end().bytes();
        Path file = new DockerArchive().layer(layer).write(dir.resolve("fifo.tar"));
        ScanReport r = Scans.scan(file, dir.resolve("scratch"));
        assertThat(versions(r)).isEqualTo(Map.of("hidden", "6.6"));
    }

    @Test
    void sameLayerDiffIdTwiceInOneImage() throws IOException {
        TarBuilder same = TarBuilder.layer().file(STATUS, status("a=1"));
        byte[] tar = same.build();
        DockerArchive image = new DockerArchive().layer(tar).layer(TarBuilder.layer().file("x", "x").build()).layer(tar);
        ScanReport r = Scans.scan(image.write(dir.resolve("twice.tar")), dir.resolve("scratch"));
        assertThat(r.layers()).hasSize(3);
        assertThat(Scans.find(r.packages(), "a").layer()).isEqualTo(r.layers().getFirst().diffId());
    }

    @Test
    void hardLinkAtADatabasePathToAFileNobodyReadsIsReadInASecondPass() throws IOException {
        // the content sits at an unwanted path; only the hard link names it var/lib/dpkg/status, as a runtime
        // unpacking the layer would see it
        ScanReport r = scan(TarBuilder.layer()
                .file("opt/cache/blob", status("hidden=1.0"))
                .hardlink(STATUS, "opt/cache/blob")
                .hardlink("var/lib/dpkg/status.d/also", "opt/cache/blob"));
        assertThat(versions(r)).containsExactly(Map.entry("hidden", "1.0"));
        assertThat(Scans.find(r.packages(), "hidden").paths()).contains(STATUS);
    }

    @Test
    void hardLinkKeepsItsContentWhenALaterLayerDeletesTheOtherName() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file("usr/lib/os-release", DEBIAN_RELEASE)
                        .hardlink("etc/os-release", "usr/lib/os-release"),
                TarBuilder.layer().whiteout("usr/lib/os-release"));
        assertThat(r.artifact().os()).isNotNull();
        assertThat(r.artifact().os().family()).isEqualTo("debian");
    }

    @Test
    void symlinkReplacingADirectoryHidesWhatTheLowerLayersHadBelowIt() throws IOException {
        ScanReport r = scan(
                TarBuilder.layer().file("var/lib/dpkg/status.d/x", statusD("x", "1")).file(STATUS, status("a=1")),
                TarBuilder.layer().symlink("var/lib/dpkg/status.d", "/nowhere"));
        assertThat(versions(r)).containsExactly(Map.entry("a", "1"));
        // usrmerge: lib becomes a link to usr/lib; the old lib/apk/db/installed is gone, the new one counts
        String db = "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n";
        ScanReport merged = scan(
                TarBuilder.layer().file("lib/apk/db/installed", "P:old\nV:0.1-r0\nA:x86_64\n\n"),
                TarBuilder.layer().symlink("lib", "usr/lib").file("usr/lib/apk/db/installed", db));
        assertThat(versions(merged)).containsExactly(Map.entry("musl", "1.2.4-r2"));
    }
}
