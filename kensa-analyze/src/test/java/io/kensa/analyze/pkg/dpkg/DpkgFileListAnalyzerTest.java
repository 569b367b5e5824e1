package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.analyze.testing.CorpusLayers;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.image.testing.Corpus;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DpkgFileListAnalyzerTest {
    private static final String IMAGE = "python-ruby-app.docker.tar";
    /** L1 of python-ruby-app: the dpkg database and the packages' metadata. */
    private static final String L1_BLOB = "2f5e59ec546fa42f83b77d9d18099308155d031d5714a29b5f8800810135ec55.tar.gz";
    private static final List<String> OWNERS = List.of("python3-certifi", "python3-chardet", "python3-idna",
            "python3-requests", "python3-urllib3", "python3-yaml", "ruby-rack", "ruby-rack-test");

    private final DpkgFileListAnalyzer lists = new DpkgFileListAnalyzer();

    @TempDir
    Path scratch;

    @Test
    void wantsThePackageListsOfTheInfoDirectoryOnly() {
        assertThat(lists.wants("var/lib/dpkg/info/python3-yaml.list")).isTrue();
        assertThat(lists.wants("var/lib/dpkg/info/libc6:amd64.list")).isTrue();
        assertThat(lists.wants("var/lib/dpkg/info/python3-yaml.md5sums")).isFalse();
        assertThat(lists.wants("var/lib/dpkg/info/python3-yaml.list-old")).isFalse();
        assertThat(lists.wants("var/lib/dpkg/info/.list")).isFalse();
        assertThat(lists.wants("var/lib/dpkg/info/sub/x.list")).isFalse();
        assertThat(lists.wants("var/lib/dpkg/status")).isFalse();
        assertThat(lists.wants("usr/var/lib/dpkg/info/x.list")).isFalse();
    }

    @Test
    void theEightListsOfTheCorpusImageGiveEveryListedFileButTheDirectoriesAndManPages() throws IOException {
        Map<String, List<String>> owned = ownedFilesOf(CorpusLayers.scan(IMAGE, scratch));

        assertThat(owned.keySet()).containsExactlyInAnyOrderElementsOf(OWNERS);
        for (String owner : OWNERS) {
            String list = Tools.run(null, "bash", "-c", "tar -xOf '" + Corpus.image(IMAGE) + "' " + L1_BLOB
                    + " | tar -xzO var/lib/dpkg/info/" + owner + ".list");
            assertThat(owned.get(owner)).as(owner).containsExactlyElementsOf(filesOf(list));
        }
        assertThat(owned.get("python3-yaml"))
                .contains("usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA",
                        "usr/lib/python3/dist-packages/yaml/__init__.py",
                        "usr/share/doc/python3-yaml/copyright")
                .doesNotContain("usr/lib/python3/dist-packages/yaml", "usr", ".", "", "/.")
                .allSatisfy(p -> assertThat(p).doesNotStartWith("/"));
        assertThat(owned.get("ruby-rack"))
                .contains("usr/share/rubygems-integration/all/specifications/rack-2.2.22.gemspec")
                .noneMatch(p -> p.startsWith("usr/share/man/"));
        assertThat(owned.get("python3-chardet")).contains("usr/bin/chardetect")
                .doesNotContain("usr/share/man/man1/chardetect.1.gz");
    }

    @Test
    void theGroundTruthsOsOwnedMetadataIsListedAndTheVenvsIsNot() throws IOException {
        Map<String, List<String>> owned = ownedFilesOf(CorpusLayers.scan(IMAGE, scratch));
        Set<String> all = new HashSet<>();
        owned.values().forEach(all::addAll);
        Path truth = Corpus.image("python-ruby-app.expected/language-packages.tsv");
        int path = Corpus.column(truth, "path");
        int osOwned = Corpus.column(truth, "os_owned");
        int yes = 0;
        for (String[] row : Corpus.tsvBody(truth)) {
            String metadata = metadataFile(row[path].substring(1));
            assertThat(all.contains(metadata)).as(metadata).isEqualTo(row[osOwned].equals("yes"));
            yes += row[osOwned].equals("yes") ? 1 : 0;
        }
        assertThat(yes).isEqualTo(8);
    }

    @Test
    void aMultiArchListBelongsToThePackageWithoutItsArchitecture() throws IOException {
        FileResult r = lists.analyze(MemoryFileEntry.of("var/lib/dpkg/info/libc6:amd64.list",
                "/.\n/etc\n/etc/ld.so.conf.d\n/etc/ld.so.conf.d/x86_64-linux-gnu.conf\n/lib64\n"
                        + "/lib64/ld-linux-x86-64.so.2\n/usr/share/doc/libc6\n"));

        assertThat(r.analyzer()).isEqualTo("dpkg-files");
        assertThat(r.path()).isEqualTo("var/lib/dpkg/info/libc6:amd64.list");
        assertThat(r.packages()).isEmpty();
        assertThat(r.ownedFiles()).containsOnlyKeys("libc6");
        // an empty directory (nothing listed under it) cannot be told from a file, so it stays
        assertThat(r.ownedFiles().get("libc6")).containsExactly("etc/ld.so.conf.d/x86_64-linux-gnu.conf",
                "lib64/ld-linux-x86-64.so.2", "usr/share/doc/libc6");
    }

    @Test
    void junkLinesAreIgnoredAndAnEmptyListGivesNothing() throws IOException {
        assertThat(lists.analyze(MemoryFileEntry.of("var/lib/dpkg/info/x.list", ""))).isNull();
        assertThat(lists.analyze(MemoryFileEntry.of("var/lib/dpkg/info/x.list", "/.\n\n/\n"))).isNull();
        FileResult r = lists.analyze(MemoryFileEntry.of("var/lib/dpkg/info/x.list",
                "relative/path\n\u0000\u0001binary\r\n/usr/bin/x\r\n/usr/bin/y"));
        assertThat(r.ownedFiles().get("x")).containsExactly("usr/bin/x", "usr/bin/y");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aListBeyondTheSizeLimitIsAWarningAndIsNotRead() throws IOException {
        FileEntry huge = new FileEntry() {
            @Override
            public String path() {
                return "var/lib/dpkg/info/huge.list";
            }

            @Override
            public long size() {
                return DpkgFileListAnalyzer.MAX_LIST_SIZE + 1;
            }

            @Override
            public int mode() {
                return 0644;
            }

            @Override
            public InputStream open() {
                throw new AssertionError("a list over the limit must not be opened");
            }

            @Override
            public byte[] readAllBytes(long limit) {
                throw new AssertionError("a list over the limit must not be read");
            }

            @Override
            public Path toTempFile(long limit) {
                throw new AssertionError("a list over the limit must not be copied");
            }
        };

        FileResult r = lists.analyze(huge);

        assertThat(r.ownedFiles()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("exceeds the limit");
    }

    /**
     * The files of a dpkg list read plainly: every absolute path but "/.", those with a path listed under them, and
     * those under the directories no language package lives in (man pages, translations …).
     */
    private static List<String> filesOf(String list) {
        List<String> paths = new ArrayList<>();
        for (String line : list.split("\n")) {
            if (!line.isEmpty() && !line.equals("/.")) {
                paths.add(line.substring(1));
            }
        }
        Set<String> dirs = new HashSet<>();
        for (String p : paths) {
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                dirs.add(p.substring(0, slash));
            }
        }
        return paths.stream().filter(p -> !dirs.contains(p))
                .filter(p -> OwnedFiles.SKIPPED_DIRS.stream().noneMatch(p::startsWith)).toList();
    }

    /** The metadata file of a ground-truth row: a .dist-info's METADATA, an .egg-info's PKG-INFO, a gemspec itself. */
    private static String metadataFile(String path) {
        if (path.endsWith(".dist-info")) {
            return path + "/METADATA";
        }
        if (path.endsWith(".egg-info")) {
            return path + "/PKG-INFO";
        }
        return path;
    }

    private static Map<String, List<String>> ownedFilesOf(List<LayerResult> layers) {
        Map<String, List<String>> owned = new TreeMap<>();
        for (LayerResult layer : layers) {
            for (FileResult f : layer.files()) {
                if (f.analyzer().equals(DpkgFileListAnalyzer.ID)) {
                    assertThat(f.path()).startsWith("var/lib/dpkg/info/").endsWith(".list");
                    f.ownedFiles().forEach((k, v) -> assertThat(owned.put(k, v)).as("listed once: " + k).isNull());
                }
            }
        }
        return owned;
    }
}
