package io.kensa.analyze.lang.java;

import io.kensa.core.JavaIndex;
import io.kensa.core.Package;
import io.kensa.image.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java index (the corpus sha1 index, held in memory) applied to packages as the analyzer records them. */
class JavaIndexResolverTest {
    private static JavaIndexResolver resolver;

    @BeforeAll
    static void index() throws IOException {
        resolver = new JavaIndexResolver(MemoryJavaIndex.read(Corpus.root().resolve("advisories/maven/sha1-index.tsv")));
    }

    private static Package jar(String name, String version, String foundBy, String sha1) {
        return Package.application("maven", name, version, List.of(), "app/lib/x.jar", foundBy).withSha1(sha1);
    }

    @Test
    void aJarWithoutMavenMetadataIsNamedByItsSha1() {
        Package springWeb = jar("spring-web", "5.3.17", "MANIFEST.MF", "66fdc6bbaba2fd7242046131895353d9669a19ad");
        Package named = resolver.resolve(springWeb).orElseThrow();
        assertThat(named.name()).isEqualTo("org.springframework:spring-web");
        assertThat(named.version()).isEqualTo("5.3.17");
        assertThat(named.foundBy()).isEqualTo(JavaIndexResolver.FOUND_BY_INDEX);
        assertThat(named.sha1()).isEqualTo(springWeb.sha1());

        Package layertools = jar("spring-boot-jarmode-layertools", "2.7.18", "MANIFEST.MF",
                "a4dc17d77bb35753dd1d4d57846b0891aec1ae38");
        assertThat(resolver.resolve(layertools).orElseThrow().name())
                .isEqualTo("org.springframework.boot:spring-boot-jarmode-layertools");
    }

    @Test
    void aGuessedGroupIsCorrectedByArtifactAndVersion() {
        Package beanutils = jar("org.apache.commons:commons-beanutils", "1.9.3", "MANIFEST.MF",
                "f901d31c5913445831ac9f2264d71698b1b74c4d");
        Package named = resolver.resolve(beanutils).orElseThrow();
        assertThat(named.name()).isEqualTo("commons-beanutils:commons-beanutils");
        assertThat(named.foundBy()).isEqualTo("MANIFEST.MF");

        Package gson = jar("gson", "2.8.5", "file-name", "0000000000000000000000000000000000000000");
        assertThat(resolver.resolve(gson).orElseThrow().name()).isEqualTo("com.google.code.gson:gson");

        // a guess the index agrees with, and one it knows nothing of, stay
        Package right = jar("org.jsoup:jsoup", "1.14.1", "MANIFEST.MF", null);
        assertThat(resolver.resolve(right)).contains(right);
        Package unknown = jar("org.acme:acme", "1.0", "MANIFEST.MF", null);
        assertThat(resolver.resolve(unknown)).contains(unknown);
    }

    @Test
    void mavenMetadataInsideTheArchiveIsNeverRenamed() {
        // a shaded jar's bundled coordinates share the outer sha1; pom.xml spells its group explicitly
        Package shaded = jar("com.example:app", "1.0", "pom.properties", "66fdc6bbaba2fd7242046131895353d9669a19ad");
        assertThat(resolver.resolve(shaded)).contains(shaded);
        Package pomXml = jar("org.other:commons-io", "2.6", "pom.xml", null);
        assertThat(resolver.resolve(pomXml)).contains(pomXml);
    }

    @Test
    void anUnidentifiedArchiveIsReportedOnlyWhenTheIndexKnowsIt() {
        Package known = jar("app", "", JavaIndexResolver.FOUND_BY_UNIDENTIFIED,
                "c845703de334ddc6b4b3cd26835458cb1cba1f3d");
        assertThat(resolver.resolve(known).map(p -> p.name() + "@" + p.version()))
                .contains("commons-beanutils:commons-beanutils@1.9.3");
        Package unknown = jar("app", "", JavaIndexResolver.FOUND_BY_UNIDENTIFIED,
                "1111111111111111111111111111111111111111");
        assertThat(resolver.resolve(unknown)).isEmpty();
        assertThat(new JavaIndexResolver(JavaIndex.NONE).resolve(known)).isEmpty();
    }

    @Test
    void otherPackagesPassUntouched() {
        Package npm = Package.application("npm", "lodash", "4.17.15", List.of(), "app/node_modules/lodash", "package.json");
        assertThat(resolver.resolve(npm)).isEqualTo(Optional.of(npm));
    }
}
