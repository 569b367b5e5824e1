package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GemfileLockAnalyzerTest {
    private static final String RAILS = "lang/ruby/rails/Gemfile.lock";
    private final GemfileLockAnalyzer analyzer = new GemfileLockAnalyzer();

    private static String nameVersion(Package p) {
        return p.name() + " " + p.version();
    }

    /**
     * Rails' own lock file: 3 GIT gems, 13 PATH gems (Rails itself), and GEM gems, some locked for three platforms.
     * 244 four-space spec lines; 232 distinct name/version pairs once the platform suffix is dropped, counted with
     * {@code grep -E '^    [^ ]' Gemfile.lock | sed -E 's/^ +//; s/ \(([^-)]*)(-[^)]*)?\)$/ \1/' | sort -u | wc -l}.
     */
    @Test
    void railsLockFile() throws IOException {
        FileResult r = analyzer.analyze(ResourceFiles.entry(RAILS, "srv/rails/Gemfile.lock"));
        assertThat(r.warnings()).isEmpty();
        List<Package> gems = r.packages();
        assertThat(gems).hasSize(232);
        assertThat(gems).allSatisfy(p -> {
            assertThat(p.type()).isEqualTo("gem");
            assertThat(p.paths()).containsExactly("srv/rails/Gemfile.lock");
            assertThat(p.foundBy()).isEqualTo("Gemfile.lock");
            assertThat(p.licenses()).isEmpty();
            assertThat(p.dev()).isNull();
        });
        assertThat(gems).extracting(GemfileLockAnalyzerTest::nameVersion)
                .contains("httpclient 2.8.3", "sdoc 3.0.0.alpha", "websocket-client-simple 0.3.0", // GIT
                        "rails 8.0.0.alpha", "activesupport 8.0.0.alpha", // PATH
                        "nokogiri 1.16.7", "ffi 1.17.0", "sqlite3 2.0.0", "sinatra 1.0", "zeitwerk 2.6.12") // GEM
                .doesNotHaveDuplicates();
        // platforms collapse into one gem; requirement lines and DEPENDENCIES-only names are not gems
        assertThat(gems).filteredOn(p -> p.name().equals("nokogiri")).hasSize(1);
        assertThat(gems).extracting(Package::name).doesNotContain("tzinfo-data", "wdm", "bundler");
        assertThat(gems).extracting(Package::version).noneMatch(v -> v.contains("-") || v.contains("~") || v.contains(">"));
    }

    @Test
    void wantsLockFilesByName() {
        assertThat(analyzer.wants("Gemfile.lock")).isTrue();
        assertThat(analyzer.wants("usr/src/app/Gemfile.lock")).isTrue();
        assertThat(analyzer.wants("app/gems.locked")).isTrue();
        assertThat(analyzer.wants("app/MyGemfile.lock")).isFalse();
        assertThat(analyzer.wants("app/Gemfile")).isFalse();
    }

    @Test
    void crlfLineEndingsAreRead() throws IOException {
        String lf = new String(ResourceFiles.bytes(RAILS), java.nio.charset.StandardCharsets.UTF_8);
        FileResult r = analyzer.analyze(MemoryFileEntry.of("Gemfile.lock", lf.replace("\n", "\r\n")));
        assertThat(r.packages()).hasSize(232);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void malformedSpecLinesAreWarnedAboutAndSkipped() throws IOException {
        FileResult r = analyzer.analyze(MemoryFileEntry.of("Gemfile.lock", """
                GEM
                  remote: https://rubygems.org/
                  specs:
                    rack (3.1.7)
                    broken-line-without-version
                    (1.0)
                    two words (1.0)
                    rake (13.1.0)

                PLATFORMS
                  ruby
                """));
        assertThat(r.packages()).extracting(GemfileLockAnalyzerTest::nameVersion).containsExactly("rack 3.1.7", "rake 13.1.0");
        assertThat(r.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).contains("not a locked gem"));
    }

    @Test
    void noiseAndOversizedFilesDoNotThrow() throws IOException {
        byte[] noise = new byte[64 << 10];
        new Random(7).nextBytes(noise);
        assertThat(analyzer.analyze(new MemoryFileEntry("Gemfile.lock", noise))).as("no section, no gem").isNull();
        byte[] big = new byte[(int) GemfileLockAnalyzer.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        FileResult r = analyzer.analyze(new MemoryFileEntry("Gemfile.lock", big));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("over the");
    }
}
