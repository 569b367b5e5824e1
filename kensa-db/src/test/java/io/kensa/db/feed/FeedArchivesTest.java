package io.kensa.db.feed;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feeds served as many small files: a zip archive or a checkout folder, read with bounds. */
class FeedArchivesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsWalkedInPathOrderWithoutFollowingLinks() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "secret");
        Path feed = Files.createDirectories(dir.resolve("feed/b"));
        Files.writeString(feed.resolve("2.txt"), "two");
        Files.writeString(dir.resolve("feed/1.txt"), "one");
        Files.writeString(dir.resolve("feed/big.txt"), "x".repeat(11));
        Files.createSymbolicLink(dir.resolve("feed/link.txt"), outside);
        Files.createSymbolicLink(dir.resolve("feed/linked-dir"), dir);
        List<String> seen = new ArrayList<>();
        FeedWarnings warnings = new FeedWarnings();
        long n = FeedArchives.directory(dir.resolve("feed"), "feed/", name -> true, 10, warnings,
                (name, bytes) -> seen.add(name + "=" + new String(bytes, StandardCharsets.UTF_8)));
        assertThat(seen).containsExactly("1.txt=one", "b/2.txt=two");
        assertThat(n).isEqualTo(2);
        assertThat(warnings.first()).containsExactly("feed/big.txt: larger than 10 bytes, skipped");
    }

    @Test
    void zipEntriesAreReadUpToTheLimitWhateverTheirDeclaredSize() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("dir/", new byte[0]);
        entries.put("../../escape.json", "{}".getBytes(StandardCharsets.UTF_8));
        entries.put("a.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        entries.put("bomb.json", new byte[5_000_000]); // deflates to a few KB
        entries.put("skip.txt", "x".getBytes(StandardCharsets.UTF_8));
        Path zip = FeedTesting.zip(dir.resolve("f.zip"), entries);
        assertThat(Files.size(zip)).isLessThan(100_000);
        List<String> seen = new ArrayList<>();
        FeedWarnings warnings = new FeedWarnings();
        FeedArchives.zip(zip, "f.zip", name -> name.endsWith(".json"), 1 << 20, warnings,
                (name, bytes) -> seen.add(name + ":" + bytes.length));
        assertThat(seen).containsExactly("../../escape.json:2", "a.json:7");
        assertThat(warnings.first()).containsExactly("f.zip!bomb.json: larger than 1048576 bytes, skipped");
        assertThat(dir.resolve("../escape.json")).doesNotExist();
    }

    @Test
    void aFileThatIsNoZipIsOneLine() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.zip"), "line one\nline two\n");
        assertThatThrownBy(() -> FeedArchives.zip(notZip, "x.zip", n -> true, 10, new FeedWarnings(), (n, b) -> { }))
                .isInstanceOf(KensaException.class).hasMessageStartingWith("x.zip: not a zip archive")
                .hasMessageNotContaining("\n");
    }

    @Test
    void damagedEntryDataIsOneLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("{\"line\": ").append(i).append("}\n");
        }
        Path zip = FeedTesting.zip(dir.resolve("d.zip"), Map.of("a.json", text.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = 100; i < 400; i++) { // inside the deflated data, far from the central directory at the end
            bytes[i] = (byte) (i * 31);
        }
        Files.write(zip, bytes);
        assertThatThrownBy(() -> FeedArchives.zip(zip, "d.zip", n -> true, 1 << 20, new FeedWarnings(), (n, b) -> { }))
                .isInstanceOf(KensaException.class).hasMessageStartingWith("d.zip: damaged zip archive at a.json (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void boundedReadsAndEntryNames() throws Exception {
        assertThat(FeedArchives.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
        assertThat(FeedArchives.readAtMost(new ByteArrayInputStream(new byte[11]), 10)).isNull();
        assertThat(FeedArchives.fileName("2024/CVE-2024-1.json")).isEqualTo("CVE-2024-1.json");
    }
}
