package io.kensa.image.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTest {
    @Test
    void corpusIsFoundThroughTheSurefireProperty() {
        assertThat(Files.isRegularFile(Corpus.image("images.tsv"))).isTrue();
        assertThat(Corpus.tsv(Corpus.image("images.tsv")).getFirst()).contains("name", "file", "expected_packages");
    }

    @Test
    void missingCorpusFailsWithAClearMessage() {
        String saved = System.getProperty(Corpus.PROPERTY);
        try {
            System.setProperty(Corpus.PROPERTY, "/nonexistent/kensa-corpus");
            assertThatThrownBy(Corpus::root).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Kensa corpus not found").hasMessageContaining("/nonexistent/kensa-corpus");
            System.clearProperty(Corpus.PROPERTY);
            assertThatThrownBy(Corpus::images).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("system property kensa.corpus is not set");
        } finally {
            System.setProperty(Corpus.PROPERTY, saved);
        }
        assertThatThrownBy(() -> Corpus.image("no-such-image.tar")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("corpus file missing");
    }
}
