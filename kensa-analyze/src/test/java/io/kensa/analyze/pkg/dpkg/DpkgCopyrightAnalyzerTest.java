package io.kensa.analyze.pkg.dpkg;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.ImageTexts;
import io.kensa.analyze.testing.MemoryFileEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The copyright files of debian-bookworm, read from the corpus image. */
class DpkgCopyrightAnalyzerTest {
    private final DpkgCopyrightAnalyzer analyzer = new DpkgCopyrightAnalyzer();
    private static Map<String, String> copyrights;

    @BeforeAll
    static void readImage(@TempDir Path scratch) throws IOException {
        copyrights = ImageTexts.read("debian-bookworm.docker.tar", new DpkgCopyrightAnalyzer()::wants, scratch);
    }

    private List<String> licenses(String pkg) throws IOException {
        String path = "usr/share/doc/" + pkg + "/copyright";
        assertThat(copyrights).containsKey(path);
        FileResult r = analyzer.analyze(MemoryFileEntry.of(path, copyrights.get(path)));
        assertThat(r).isNotNull();
        assertThat(r.analyzer()).isEqualTo(DpkgCopyrightAnalyzer.ID);
        return List.of(r.properties().get(DpkgCopyrightAnalyzer.LICENSES).split("\n"));
    }

    @Test
    void wantsTheCopyrightFileOfEachPackageOnly() {
        assertThat(analyzer.wants("usr/share/doc/libssl3/copyright")).isTrue();
        assertThat(analyzer.wants("usr/share/doc/libssl3/copyright.gz")).isFalse();
        assertThat(analyzer.wants("usr/share/doc/libssl3/examples/copyright")).isFalse();
        assertThat(analyzer.wants("usr/share/doc/copyright")).isFalse();
        assertThat(analyzer.wants("usr/share/doc//copyright")).isFalse();
        assertThat(analyzer.wants("usr/local/share/doc/x/copyright")).isFalse();
        assertThat(analyzer.wants("usr/share/doc/libssl3/changelog.Debian.gz")).isFalse();
    }

    @Test
    void everyPackageDirectoryOfTheImageHasItsFileRead() {
        // 53 packages, each with its doc directory; libgcc-s1's is a link to gcc-12-base's (Debian Policy 12.5)
        assertThat(copyrights).hasSize(52).doesNotContainKey("usr/share/doc/libgcc-s1/copyright");
    }

    @Test
    void machineReadableFilesGiveTheLicensesOfTheirFilesParagraphs() throws IOException {
        // "Files: *" and "debian/*" Apache-2.0, the bundled Text::Template "Artistic or GPL-1+"
        assertThat(licenses("libssl3")).containsExactly("Apache-2.0", "Artistic or GPL-1+");
        assertThat(licenses("zlib1g")).containsExactly("Zlib");
        assertThat(licenses("base-passwd")).containsExactly("GPL-2", "public-domain");
        assertThat(licenses("libexpat1")).containsExactly("MIT");
        assertThat(licenses("curl")).startsWith("curl").contains("ISC", "GPL-2+ with Libtool exception")
                .doesNotHaveDuplicates();
        assertThat(licenses("perl-base")).startsWith("GPL-1+ or Artistic").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void freeTextFilesAreClassified() throws IOException {
        assertThat(licenses("base-files")).containsExactly("GPL-2.0-or-later");
        assertThat(licenses("busybox")).containsExactly("GPL-2.0-only");
        assertThat(licenses("librtmp1")).containsExactly("GPL-2.0-or-later", "LGPL-2.1-or-later");
    }

    @Test
    void aFreeTextFileWithNothingToClassifyFallsBackToTheCommonLicensesItNames() throws IOException {
        String text = """
                This is the Debian prepackaged version of an example.

                Copyright: 1999 Someone

                On Debian systems, the complete text of the GNU Lesser General Public License can be found in
                `/usr/share/common-licenses/LGPL-2.1', the Artistic License in /usr/share/common-licenses/Artistic.
                """;
        FileResult r = analyzer.analyze(MemoryFileEntry.of("usr/share/doc/x/copyright", text));
        assertThat(r.properties()).containsEntry(DpkgCopyrightAnalyzer.LICENSES, "LGPL-2.1\nArtistic")
                .containsEntry("format", "text");
        assertThat(analyzer.analyze(MemoryFileEntry.of("usr/share/doc/x/copyright", "Nothing here."))).isNull();
    }

    @Test
    void packagingOnlyAndStandaloneParagraphsLicenseNoFileOfTheBinaryPackage() throws IOException {
        // libbz2-1.0: "Files: *" BSD-variant, "Files: debian/*" GPL-2 (the packaging, not shipped in the .deb),
        // then stand-alone "License: BSD-variant" and "License: GPL-2" paragraphs that only hold the texts
        assertThat(licenses("libbz2-1.0")).containsExactly("BSD-variant");
    }
}
