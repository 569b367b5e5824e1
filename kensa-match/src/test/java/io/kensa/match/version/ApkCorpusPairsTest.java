package io.kensa.match.version;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alpine 3.11 image's installed versions against the secdb v3.11 {@code secfixes} versions of their origins
 * (what the Alpine matcher compares), each pair's order worked out by hand from apk-tools' rules. The table must
 * cover every pair the corpus yields, so a changed corpus shows up here rather than going unchecked.
 */
class ApkCorpusPairsTest {
    private final ApkVersionScheme apk = new ApkVersionScheme();

    /** installed | relation | fixed, for every origin of the image that secdb v3.11 main names. */
    private static final List<OrderCase> EXPECTED = OrderCase.table("""
            apk-tools: minor 10 before 10 patch 6 | 2.10.4-r3   | < | 2.10.6-r0
            apk-tools: 4 before 7                 | 2.10.4-r3   | < | 2.10.7-r0
            apk-tools: minor 10 after 7           | 2.10.4-r3   | > | 2.7.2-r0
            busybox: any version after 0          | 1.31.1-r9   | > | 0
            busybox: minor 31 after 27            | 1.31.1-r9   | > | 1.27.2-r4
            busybox: minor 31 after 28            | 1.31.1-r9   | > | 1.28.3-r2
            busybox: minor 31 after 29            | 1.31.1-r9   | > | 1.29.3-r10
            busybox: minor 31 after 30            | 1.31.1-r9   | > | 1.30.1-r2
            busybox: revision 9 before 10         | 1.31.1-r9   | < | 1.31.1-r10
            busybox: revision 9 before 11         | 1.31.1-r9   | < | 1.31.1-r11
            musl: patch 24 after 15               | 1.1.24-r2   | > | 1.1.15-r4
            musl: patch 24 after 23               | 1.1.24-r2   | > | 1.1.23-r2
            musl: revision 2 before 3             | 1.1.24-r2   | < | 1.1.24-r3
            openssl: letter d after a             | 1.1.1d-r3   | > | 1.1.1a-r0
            openssl: letter d after b             | 1.1.1d-r3   | > | 1.1.1b-r1
            openssl: same letter, revision 3 > 1  | 1.1.1d-r3   | > | 1.1.1d-r1
            openssl: the fixed version itself     | 1.1.1d-r3   | = | 1.1.1d-r3
            openssl: letter d before g            | 1.1.1d-r3   | < | 1.1.1g-r0
            openssl: letter d before i            | 1.1.1d-r3   | < | 1.1.1i-r0
            openssl: letter d before j            | 1.1.1d-r3   | < | 1.1.1j-r0
            openssl: letter d before k            | 1.1.1d-r3   | < | 1.1.1k-r0
            openssl: letter d before l            | 1.1.1d-r3   | < | 1.1.1l-r0
            zlib: revision 3 before 4             | 1.2.11-r3   | < | 1.2.11-r4
            """);

    @Test
    void installedAgainstFixedVersionsOrderAsApk() {
        SortedMap<String, SortedSet<String>> installed = OsVersionCorpus.installed(List.of("alpine311-apk"));
        SortedMap<String, SortedSet<String>> secfixes = OsVersionCorpus.secfixes("v3.11", "main");
        Map<String, OrderCase> expected = new TreeMap<>();
        EXPECTED.forEach(c -> expected.put(c.a() + " " + c.b(), c));

        List<String> notInTable = new ArrayList<>();
        int checked = 0;
        for (var e : installed.entrySet()) {
            for (String a : e.getValue()) {
                for (String b : secfixes.getOrDefault(e.getKey(), new java.util.TreeSet<>())) {
                    OrderCase c = expected.remove(a + " " + b);
                    if (c == null) {
                        notInTable.add(e.getKey() + ": " + a + " vs " + b);
                        continue;
                    }
                    c.assertOrderedBy(apk);
                    checked++;
                }
            }
        }
        assertThat(notInTable).as("corpus pairs missing from the table").isEmpty();
        assertThat(expected).as("table rows the corpus no longer yields").isEmpty();
        assertThat(checked).isEqualTo(EXPECTED.size());
    }
}
