package io.kensa.analyze.lang.ruby;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.analyze.testing.ResourceFiles;
import io.kensa.core.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GemspecAnalyzerTest {
    private static final String LIBRUBY = "lang/ruby/libruby3.1/";
    /** Characters that open or close Ruby literals and comments. */
    private static final String CORRUPTIONS = "\"'%{}[]()#\n=<|\\qw";
    private final GemspecAnalyzer analyzer = new GemspecAnalyzer();

    private FileResult analyze(String resource, String imagePath) throws IOException {
        return analyzer.analyze(ResourceFiles.entry(resource, imagePath));
    }

    private FileResult analyzeText(String path, String text) throws IOException {
        return analyzer.analyze(MemoryFileEntry.of(path, text));
    }

    /**
     * Every gemspec of Debian's libruby3.1 (the gems bundled with Ruby 3.1, 70 of them default gems), against what
     * RubyGems itself loads from them ({@code Gem::Specification.load}, recorded in expected.tsv).
     */
    @Test
    void debianRubyGemspecsReadAsRubyGemsLoadsThem() throws IOException {
        List<String> rows = new String(ResourceFiles.bytes(LIBRUBY + "expected.tsv"), StandardCharsets.UTF_8)
                .lines().skip(1).toList();
        assertThat(rows).hasSize(85);
        assertThat(rows).filteredOn(r -> r.contains("/specifications/default/")).hasSize(70);
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            assertThat(analyzer.wants(f[0])).as(f[0]).isTrue();
            FileResult r = analyze(LIBRUBY + f[0], f[0]);
            assertThat(r.warnings()).as(f[0]).isEmpty();
            Package p = r.packages().getFirst();
            assertThat(r.packages()).as(f[0]).hasSize(1);
            assertThat(p.type()).isEqualTo("gem");
            assertThat(p.name()).as(f[0]).isEqualTo(f[1]);
            assertThat(p.version()).as(f[0]).isEqualTo(f[2]);
            assertThat(p.licenses()).as(f[0]).isEqualTo(f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(",")));
            assertThat(p.paths()).containsExactly(f[0]);
            assertThat(p.foundBy()).isEqualTo("gemspec");
        }
    }

    /** RubyGems 1.x wrote %q{} strings and plain arrays (a vendored gem home of a 2011 Heroku app). */
    @Test
    void oldRubyGemsPercentQGemspec() throws IOException {
        String path = "app/heroku/ruby/1.9.1/specifications/pg-0.11.0.gemspec";
        FileResult r = analyze("lang/ruby/tubalr/heroku/ruby/1.9.1/specifications/pg-0.11.0.gemspec", path);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("pg");
            assertThat(p.version()).isEqualTo("0.11.0");
            assertThat(p.licenses()).containsExactly("Ruby", "GPL", "BSD");
        });
    }

    /** RubyGems 3.5 freezes the version string too ({@code s.version = "0.2.2".freeze}). */
    @Test
    void rubyGems35FrozenVersion() throws IOException {
        String path = "srv/.bundle/ruby/3.2.0/specifications/gem-licenses-0.2.2.gemspec";
        FileResult r = analyze("lang/ruby/ethereum-org/.bundle/ruby/3.2.0/specifications/gem-licenses-0.2.2.gemspec",
                path);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("gem-licenses");
            assertThat(p.version()).isEqualTo("0.2.2");
            assertThat(p.licenses()).containsExactly("MIT");
        });
    }

    @Test
    void wantsInstalledSpecificationsOnly() {
        assertThat(analyzer.wants("usr/local/bundle/specifications/rack-3.0.8.gemspec")).isTrue();
        assertThat(analyzer.wants("usr/share/rubygems-integration/all/specifications/rack-2.2.22.gemspec")).isTrue();
        assertThat(analyzer.wants("usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec")).isTrue();
        assertThat(analyzer.wants("specifications/x-1.gemspec")).isTrue();
        assertThat(analyzer.wants("usr/lib/ruby/gems/3.1.0/gems/rack-2.2.22/rack.gemspec")).isFalse();
        assertThat(analyzer.wants("app/myapp.gemspec")).isFalse();
        assertThat(analyzer.wants("usr/local/bundle/specifications/rack-3.0.8.gemspec.bak")).isFalse();
    }

    @Test
    void otherLiteralFormsAreRead() throws IOException {
        FileResult r = analyzeText("specifications/x.gemspec", """
                Gem::Specification.new do |spec|
                  spec.name    = 'single-quoted'
                  spec.version = Gem::Version.new("1.2.3")
                  spec.license = %q{Apache-2.0}
                end
                """);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("single-quoted");
            assertThat(p.version()).isEqualTo("1.2.3");
            assertThat(p.licenses()).containsExactly("Apache-2.0");
        });
        r = analyzeText("specifications/y.gemspec", """
                Gem::Specification.new { |s| s.name = %Q(words); s.version = '0.1'; s.licenses = %w[MIT Ruby] }
                """);
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("words");
            assertThat(p.version()).isEqualTo("0.1");
            assertThat(p.licenses()).containsExactly("MIT", "Ruby");
        });
    }

    /** Text that only looks like an assignment (in strings, comments, heredocs, =begin blocks) is not one. */
    @Test
    void lookalikesInsideLiteralsAndCommentsAreIgnored() throws IOException {
        FileResult r = analyzeText("specifications/z.gemspec", """
                Gem::Specification.new do |s|
                  s.name = "real"
                  s.version = "1.0"
                  s.description = %q{multi-line text
                  s.name = "fake-in-percent-q"
                  }
                  # s.version = "6.6.6"
                  s.summary = <<~EOS
                    s.name = "fake-in-heredoc"
                  EOS
                =begin
                  s.version = "9.9.9"
                =end
                  s.files = ["s.name = \\"fake-in-string\\""]
                end
                """);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("real");
            assertThat(p.version()).isEqualTo("1.0");
        });
    }

    @Test
    void computedValuesAreNotGuessed() throws IOException {
        FileResult r = analyzeText("specifications/rack-3.gemspec", """
                Gem::Specification.new do |s|
                  s.name = "rack"
                  s.version = Rack::RELEASE
                end
                """);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("s.version is not a literal"));
        r = analyzeText("specifications/i.gemspec", """
                Gem::Specification.new do |s|
                  s.name = "x#{suffix}"
                  s.version = "1.0" + ".1"
                end
                """);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).contains("s.name is not a literal", "s.version is not a literal");
        r = analyzeText("specifications/a.gemspec", """
                Gem::Specification.new do |s|
                  s.name = ["array"]
                  s.version = "1"
                end
                """);
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).contains("s.name is not a string");
    }

    @Test
    void garbageGivesAWarningNotAPackage() throws IOException {
        byte[] noise = new byte[4096];
        new Random(4).nextBytes(noise);
        FileResult r = analyzer.analyze(new MemoryFileEntry("specifications/noise.gemspec", noise));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).isNotEmpty();
        r = analyzeText("specifications/open.gemspec", "Gem::Specification.new do |s|\n  s.name = \"unterminated\n");
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("unterminated string"));
        r = analyzeText("specifications/empty.gemspec", "");
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).contains("no Gem::Specification.new block");
    }

    @Test
    void oversizedGemspecIsSkipped() throws IOException {
        byte[] big = new byte[(int) GemspecAnalyzer.MAX_BYTES + 1];
        Arrays.fill(big, (byte) '[');
        FileResult r = analyzer.analyze(new MemoryFileEntry("specifications/big.gemspec", big));
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("over the");
    }

    /** Every prefix and many random corruptions of a real gemspec: a package or a warning, never an exception. */
    @Test
    void truncatedAndCorruptedGemspecsNeverThrow() throws IOException {
        byte[] real = ResourceFiles.bytes(LIBRUBY + "usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec");
        List<FileResult> results = new ArrayList<>();
        for (int n = 0; n <= real.length; n++) {
            results.add(analyzer.analyze(new MemoryFileEntry("specifications/t.gemspec", Arrays.copyOf(real, n))));
        }
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] copy = real.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                copy[random.nextInt(copy.length)] = (byte) CORRUPTIONS.charAt(random.nextInt(CORRUPTIONS.length()));
            }
            results.add(analyzer.analyze(new MemoryFileEntry("specifications/c.gemspec", copy)));
        }
        assertThat(results).allSatisfy(r -> assertThat(r.packages().isEmpty() && r.warnings().isEmpty()).isFalse());
        assertThat(results.getLast()).isNotNull();
        assertThat(results.get(real.length).packages()).singleElement()
                .satisfies(p -> assertThat(p.name() + " " + p.version()).isEqualTo("json 2.6.1"));
    }
}
