package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.OwnedFiles;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of each installed package, from the header's DIRNAMES/BASENAMES/DIRINDEXES, against rpm's own
 * listing of the same databases ({@code rpm -ql}, and the file names with their modes), directories left out.
 */
@Timeout(120)
class RpmFileListTest {
    /** Every file of every package with its mode: NAME, permissions string ("drwxr-xr-x" …), path. */
    private static final String FILES_QF = "[%{=NAME}\\t%{FILEMODES:perms}\\t%{FILENAMES}\\n]";

    private final RpmDbAnalyzer analyzer = new RpmDbAnalyzer();

    @TempDir
    Path tmp;

    @Test
    void marinerSqliteFileListsAreRpmsWithoutTheDirectories() throws Exception {
        Path dbDir = copy(TestData.marinerSqlite(), "rpmdb.sqlite");
        String listing = ExternalTools.rpmQueryAll(dbDir, "sqlite", FILES_QF, tmp);

        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.marinerSqlite(), "var/lib/rpm/rpmdb.sqlite"));

        assertThat(result.warnings()).isEmpty();
        Map<String, List<String>> expected = nonDirectories(listing);
        assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(4_000);
        assertThat(new TreeMap<>(result.ownedFiles())).isEqualTo(expected);
        assertThat(result.ownedFiles().get("bash")).contains("bin/bash", "etc/skel/.bashrc").doesNotContain("bin", "usr/lib/bash", "/bin/bash");
        assertThat(listing).as("rpm lists man pages, which are not kept").contains("/usr/share/man/man1/bash.1.gz");
        assertThat(result.ownedFiles().get("bash")).noneMatch(p -> p.startsWith("usr/share/man/"));
    }

    @Test
    void rpmQlOfOnePackageIsItsFilesPlusItsDirectories() throws Exception {
        Path dbDir = copy(TestData.marinerSqlite(), "rpmdb.sqlite");
        List<String> ql = ExternalTools.run(List.of(ExternalTools.RPM, "--dbpath", dbDir.toString(),
                "--define", "_db_backend sqlite", "-ql", "python3"), tmp).lines().toList();
        String dirs = ExternalTools.run(List.of(ExternalTools.RPM, "--dbpath", dbDir.toString(),
                "--define", "_db_backend sqlite", "-q", "--qf", "[%{FILEMODES:perms} %{FILENAMES}\\n]", "python3"), tmp);
        Set<String> directories = new HashSet<>();
        dirs.lines().filter(l -> l.startsWith("d")).forEach(l -> directories.add(l.substring(l.indexOf(' ') + 2)));

        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.marinerSqlite(), "var/lib/rpm/rpmdb.sqlite"));

        List<String> owned = result.ownedFiles().get("python3");
        assertThat(owned).isNotEmpty();
        List<String> qlWithoutDirs = ql.stream().map(p -> p.substring(1)).filter(p -> !directories.contains(p))
                .filter(p -> OwnedFiles.SKIPPED_DIRS.stream().noneMatch(p::startsWith)).toList();
        assertThat(owned).containsExactlyElementsOf(qlWithoutDirs);
        assertThat(ql.size()).isGreaterThan(owned.size());
    }

    @Test
    void ubi8BerkeleyDbFileListIsRpms() throws Exception {
        Path dbDir = copy(TestData.ubi8Bdb(), "Packages");
        Map<String, List<String>> expected = nonDirectories(ExternalTools.rpmQueryAll(dbDir, "bdb_ro", FILES_QF, tmp));

        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.ubi8Bdb(), "var/lib/rpm/Packages"));

        assertThat(result.ownedFiles()).containsOnlyKeys("libuuid").isEqualTo(expected);
        assertThat(result.ownedFiles().get("libuuid")).contains("usr/lib64/libuuid.so.1");
    }

    @Test
    void slesNdbFileListsNameTheirReleaseFiles() throws Exception {
        FileResult result = analyzer.analyze(TestFileEntry.of(TestData.slesNdb(), "usr/lib/sysimage/rpm/Packages.db"));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.ownedFiles().keySet()).hasSizeGreaterThan(30);
        assertThat(result.ownedFiles().get("sles-release")).contains("etc/os-release", "etc/products.d/SLES.prod");
    }

    @Test
    void aSyntheticFileListIsDecodedAsRpmDecodesIt() throws Exception {
        byte[] header = HeaderBlobBuilder.pkg("app", "1.0", "1")
                .stringArray(RpmTag.DIRNAMES, "/opt/app/", "/opt/app/lib/", "/")
                .stringArray(RpmTag.BASENAMES, "lib", "app.jar", "dep.jar", "rootfile")
                .int32(RpmTag.DIRINDEXES, 0, 0, 1, 2)
                .int16(RpmTag.FILEMODES, 040755, 0100644, 0100644, 0120777).build();
        Path dbDir = Files.createDirectories(tmp.resolve("synthetic"));
        BdbFixtures.load(dbDir.resolve("Packages"), List.of(BdbFixtures.rpmInstanceZero(1, ByteOrder.LITTLE_ENDIAN),
                new BdbFixtures.Pair(BdbFixtures.instanceKey(1, ByteOrder.LITTLE_ENDIAN), header)),
                List.of("db_pagesize=4096"), tmp);
        Map<String, List<String>> rpm = nonDirectories(ExternalTools.rpmQueryAll(dbDir, "bdb_ro", FILES_QF, tmp));

        FileResult result = analyzer.analyze(TestFileEntry.of(dbDir.resolve("Packages"), "var/lib/rpm/Packages"));

        assertThat(rpm).isEqualTo(Map.of("app", List.of("opt/app/app.jar", "opt/app/lib/dep.jar", "rootfile")));
        assertThat(result.ownedFiles()).isEqualTo(rpm);
    }

    @Test
    void withoutFileModesEveryListedPathIsKept() {
        PackageCollector collector = new PackageCollector("var/lib/rpm/rpmdb.sqlite");
        collector.header(1, HeaderBlobBuilder.pkg("nomodes", "1", "1")
                .stringArray(RpmTag.DIRNAMES, "/usr/", "/usr/bin/")
                .stringArray(RpmTag.BASENAMES, "bin", "tool")
                .int32(RpmTag.DIRINDEXES, 0, 1).build());

        assertThat(collector.result().ownedFiles()).isEqualTo(Map.of("nomodes", List.of("usr/bin", "usr/bin/tool")));
    }

    @Test
    void aDamagedFileListCostsAWarningButNotThePackage() {
        PackageCollector collector = new PackageCollector("var/lib/rpm/rpmdb.sqlite");
        collector.header(1, HeaderBlobBuilder.pkg("badindex", "1", "1")
                .stringArray(RpmTag.DIRNAMES, "/usr/bin/")
                .stringArray(RpmTag.BASENAMES, "a", "b")
                .int32(RpmTag.DIRINDEXES, 0, 7).build());
        collector.header(2, HeaderBlobBuilder.pkg("mismatch", "1", "1")
                .stringArray(RpmTag.DIRNAMES, "/usr/bin/")
                .stringArray(RpmTag.BASENAMES, "a", "b")
                .int32(RpmTag.DIRINDEXES, 0).build());
        collector.header(3, HeaderBlobBuilder.pkg("wrongtype", "1", "1")
                .string(RpmTag.DIRNAMES, "/usr/bin/")
                .stringArray(RpmTag.BASENAMES, "a")
                .int32(RpmTag.DIRINDEXES, 0).build());
        collector.header(4, HeaderBlobBuilder.pkg("fine", "1", "1")
                .stringArray(RpmTag.DIRNAMES, "/usr/bin/")
                .stringArray(RpmTag.BASENAMES, "fine")
                .int32(RpmTag.DIRINDEXES, 0).build());

        FileResult result = collector.result();

        assertThat(result.packages()).extracting(p -> p.name())
                .containsExactly("badindex", "mismatch", "wrongtype", "fine");
        assertThat(result.ownedFiles()).isEqualTo(Map.of("fine", List.of("usr/bin/fine")));
        assertThat(result.warnings()).containsExactly(
                "file list of badindex (header 1) not read: file 1 has directory index 7 outside the 1 DIRNAMES",
                "file list of mismatch (header 2) not read: file list has 2 BASENAMES but 1 DIRINDEXES",
                "file list of wrongtype (header 3) not read: tag 1118 has type 6, expected 8 (STRING_ARRAY)");
    }

    private Path copy(Path db, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("db-" + name));
        Files.copy(db, dir.resolve(name));
        return dir;
    }

    /**
     * name → files of rpm's listing ({@link #FILES_QF}), the leading slash removed, without directories and without
     * the files of directories no language package lives in (man pages, translations …).
     */
    private static Map<String, List<String>> nonDirectories(String listing) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : listing.lines().toList()) {
            String[] f = line.split("\t", 3);
            if (!f[1].startsWith("d") && OwnedFiles.SKIPPED_DIRS.stream().noneMatch(f[2].substring(1)::startsWith)) {
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2].substring(1));
            }
        }
        return out;
    }
}
