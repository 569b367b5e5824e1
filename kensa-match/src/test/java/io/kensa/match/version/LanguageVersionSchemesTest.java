package io.kensa.match.version;

import io.kensa.core.vuln.Namespaces;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageVersionSchemesTest {

    @Test
    void everyLanguageNamespaceHasItsScheme() {
        Map<String, String> expected = Map.of("maven", "maven", "npm", "npm", "pypi", "pep440", "golang", "go",
                "cargo", "cargo", "gem", "rubygems", "composer", "composer", "nuget", "nuget");
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Namespaces.LANGUAGES);
        expected.forEach((namespace, scheme) -> {
            VersionScheme s = VersionSchemes.forNamespace(namespace);
            assertThat(s).as(namespace).isNotNull();
            assertThat(s.name()).as(namespace).isEqualTo(scheme);
            assertThat(VersionSchemes.byName(scheme)).isSameAs(s);
        });
    }

    @Test
    void schemesAreStatelessAndAgreeWithThemselvesAcrossInstances() {
        // no global cache: two instances of a scheme give the same answers, in any order of calls
        VersionScheme a = new Pep440VersionScheme();
        VersionScheme b = new Pep440VersionScheme();
        assertThat(a.compare("1.0a1", "1.0")).isNegative();
        assertThat(b.compare("1.0", "1.0a1")).isPositive();
        assertThat(VersionSchemes.byName("pep440").compare("1.0a1", "1.0")).isNegative();
    }
}
