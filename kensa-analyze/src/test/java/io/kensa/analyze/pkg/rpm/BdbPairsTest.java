package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.bdb.BdbHashFile;
import io.kensa.analyze.pkg.rpm.bdb.BdbStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kensa's BerkeleyDB hash walk yields the same key/data pairs as {@code db5.3_dump}, including the item kinds rpm
 * does not use itself: on-page duplicates, off-page duplicate trees (sorted and unsorted) and duplicates on
 * overflow pages.
 */
@Timeout(120)
class BdbPairsTest {
    @TempDir
    static Path work;

    @BeforeAll
    static void tools() {
        ExternalTools.requireDbUtils();
    }

    record HexPair(String key, String value) {
    }

    static HexPair hex(BdbFixtures.Pair p) {
        return new HexPair(p.hexKey(), p.hexValue());
    }

    static List<HexPair> walk(Path db) throws IOException {
        List<HexPair> pairs = new ArrayList<>();
        try (BdbHashFile file = BdbHashFile.open(db)) {
            file.read((k, v) -> pairs.add(hex(new BdbFixtures.Pair(k, v))));
        }
        return pairs;
    }

    @Test
    void realRpm8DatabaseEqualsDbDump() throws Exception {
        Path db = TestData.ubi8Bdb();
        List<HexPair> dumped = BdbFixtures.dump(db, work).stream().map(BdbPairsTest::hex).toList();
        assertThat(dumped).hasSize(2);
        assertThat(walk(db)).containsExactlyInAnyOrderElementsOf(dumped);
    }

    @Test
    void onPageDuplicates() throws Exception {
        List<BdbFixtures.Pair> pairs = List.of(pair("alpha", "one"), pair("alpha", "two"), pair("alpha", "three"),
                pair("beta", "solo"), pair("gamma", "x"), pair("gamma", "y"));
        Path db = work.resolve("dup-onpage");
        BdbFixtures.load(db, pairs, List.of("db_pagesize=4096", "duplicates=1"), work);
        BdbStats stats = assertSameAsDbDump(db, pairs.size());
        assertThat(stats.onPageDuplicates()).isEqualTo(5);
        assertThat(stats.offPageDuplicates()).isZero();
    }

    @Test
    void offPageUnsortedDuplicatesWithOverflowItems() throws Exception {
        BdbStats stats = offPageDuplicates("dup-offpage", "duplicates=1");
        assertThat(stats.offPageDuplicates()).isEqualTo(300);
        assertThat(stats.overflowValues()).isEqualTo(10);
    }

    @Test
    void offPageSortedDuplicatesWithOverflowItems() throws Exception {
        BdbStats stats = offPageDuplicates("dup-offpage-sorted", "dupsort=1");
        assertThat(stats.offPageDuplicates()).isEqualTo(300);
        assertThat(stats.overflowValues()).isEqualTo(10);
    }

    /** 300 values for one key (several leaf pages and an internal page), ten of them too large for a leaf. */
    private static BdbStats offPageDuplicates(String name, String duplicateOption) throws Exception {
        List<BdbFixtures.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String value = String.format("%04d-", i) + (i % 30 == 0 ? "L".repeat(3000) : "v".repeat(60 + i % 7));
            pairs.add(pair("many", value));
        }
        pairs.add(pair("other", "single"));
        Path db = work.resolve(name);
        BdbFixtures.load(db, pairs, List.of("db_pagesize=1024", duplicateOption), work);
        return assertSameAsDbDump(db, pairs.size());
    }

    /** Same pairs as db_dump, with each key's values in the same order. */
    private static BdbStats assertSameAsDbDump(Path db, int expectedPairs) throws Exception {
        List<HexPair> dumped = BdbFixtures.dump(db, work).stream().map(BdbPairsTest::hex).toList();
        assertThat(dumped).hasSize(expectedPairs);
        List<HexPair> walked = new ArrayList<>();
        BdbStats stats;
        try (BdbHashFile file = BdbHashFile.open(db)) {
            stats = file.read((k, v) -> walked.add(hex(new BdbFixtures.Pair(k, v))));
        }
        assertThat(byKey(walked)).isEqualTo(byKey(dumped));
        assertThat(stats.pairs()).isEqualTo(expectedPairs);
        return stats;
    }

    private static Map<String, List<String>> byKey(List<HexPair> pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        pairs.stream().sorted(java.util.Comparator.comparing(HexPair::key))
                .forEach(p -> map.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p.value()));
        return map;
    }

    private static BdbFixtures.Pair pair(String key, String value) {
        return new BdbFixtures.Pair(key.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII));
    }
}
