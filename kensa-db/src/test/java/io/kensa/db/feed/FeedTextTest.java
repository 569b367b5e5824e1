package io.kensa.db.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedTextTest {
    @Test
    void clippedTextIsShortAndPrintableTextIsOneLine() {
        assertThat(FeedText.clip(null)).isEmpty();
        assertThat(FeedText.clip("x".repeat(81))).isEqualTo("x".repeat(80) + "…");
        assertThat(FeedText.printable("a\nb\u0000c")).isEqualTo("a?b?c");
        assertThat(FeedText.printable("y".repeat(300))).hasSize(201).endsWith("…");
        assertThat(FeedText.printable(FeedText.clip("z\n".repeat(50)))).hasSize(81).doesNotContain("\n");
    }
}
