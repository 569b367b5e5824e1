package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded random and mutated inputs: the analyzer always returns a result (packages and/or warnings) and never
 * throws, hangs or runs out of memory; the header parser only ever throws {@link MalformedHeaderException}.
 */
class FuzzTest {
    private static final long[] INTERESTING = {0, 1, 2, 3, 0x7f, 0xff, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L,
            0xffffffffL, 4096, 65536, 22, 23};
    private final RpmDbAnalyzer analyzer = new RpmDbAnalyzer();

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void randomFilesWithEachFormatsMagic() throws Exception {
        Random rnd = new Random(20261123);
        int warned = 0;
        for (int i = 0; i < 600; i++) {
            byte[] bytes = new byte[1 + rnd.nextInt(70_000)];
            rnd.nextBytes(bytes);
            switch (i % 4) {
                case 0 -> { }
                case 1 -> System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0,
                        Math.min(16, bytes.length));
                case 2 -> plausibleNdb(bytes, rnd);
                default -> plausibleBdb(bytes, rnd);
            }
            FileResult r = analyze(bytes, "var/lib/rpm/Packages", "random #" + i);
            warned += r.warnings().isEmpty() ? 0 : 1;
        }
        assertThat(warned).as("random files are damaged databases").isGreaterThan(590);
    }

    @Test
    @Timeout(120)
    void mutatedBerkeleyDb() throws Exception {
        mutate(TestData.ubi8Bdb(), "var/lib/rpm/Packages", 3000, 1, 600);
    }

    @Test
    @Timeout(120)
    void mutatedNdb() throws Exception {
        mutate(TestData.slesNdb(), "usr/lib/sysimage/rpm/Packages.db", 1000, 35, 200);
    }

    @Test
    @Timeout(180)
    void mutatedSqlite() throws Exception {
        // most bytes of an SQLite file are header data Kensa does not read, so fewer mutations show
        mutate(TestData.marinerSqlite(), "var/lib/rpm/rpmdb.sqlite", 300, 129, 30);
    }

    @Test
    @Timeout(60)
    void mutatedRealHeaders() throws Exception {
        List<byte[]> blobs = new ArrayList<>();
        for (RpmDbFormat f : RpmDbFormat.values()) {
            Path db = switch (f) {
                case BERKELEY_DB -> TestData.ubi8Bdb();
                case NDB -> TestData.slesNdb();
                case SQLITE -> TestData.marinerSqlite();
            };
            RecordingSink.read(f.reader(), db).blobs.forEach(b -> blobs.add(b.data()));
        }
        assertThat(blobs).hasSize(165);
        Random rnd = new Random(42);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] blob = blobs.get(rnd.nextInt(blobs.size())).clone();
            int il = ByteBuffer.wrap(blob).getInt(0);
            int indexEnd = Math.min(blob.length, 8 + 16 * il);
            for (int m = 1 + rnd.nextInt(4); m > 0; m--) {
                int at = rnd.nextInt(rnd.nextInt(4) == 0 ? blob.length : indexEnd);
                if (rnd.nextBoolean() && at + 4 <= blob.length) {
                    ByteBuffer.wrap(blob).putInt(at, (int) INTERESTING[rnd.nextInt(INTERESTING.length)]);
                } else {
                    blob[at] = (byte) rnd.nextInt(256);
                }
            }
            if (rnd.nextInt(10) == 0) {
                blob = Arrays.copyOf(blob, rnd.nextInt(blob.length));
            }
            try {
                RpmHeader h = HeaderParser.parse(blob);
                for (int tag : new int[] {RpmTag.NAME, RpmTag.VERSION, RpmTag.RELEASE, RpmTag.ARCH, RpmTag.LICENSE,
                        RpmTag.VENDOR, RpmTag.SOURCERPM, RpmTag.MODULARITYLABEL}) {
                    h.string(tag);
                }
                h.uint32(RpmTag.EPOCH);
                RpmPackageMapper.toPackage(h, "p");
            } catch (MalformedHeaderException e) {
                rejected++;
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e, e);
            }
        }
        assertThat(rejected).as("mutations are caught").isGreaterThan(5_000);
    }

    /** Applies 1..8 random mutations (bytes, interesting 32-bit values, truncation) per round. */
    private void mutate(Path db, String path, int rounds, int packages, int minDamaged) throws Exception {
        byte[] original = Files.readAllBytes(db);
        Random rnd = new Random(db.getFileName().toString().hashCode());
        int damaged = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] bytes = original.clone();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            // most structure sits in the first pages (metadata, slots, hash pages): aim there half of the time
            int hot = Math.min(bytes.length, 16_384);
            for (int m = 1 + rnd.nextInt(8); m > 0; m--) {
                int at = rnd.nextInt(rnd.nextBoolean() ? hot : bytes.length - 4);
                if (rnd.nextBoolean()) {
                    b.putInt(at & ~3, (int) INTERESTING[rnd.nextInt(INTERESTING.length)]);
                } else {
                    bytes[at] = (byte) rnd.nextInt(256);
                }
            }
            if (rnd.nextInt(8) == 0) {
                bytes = Arrays.copyOf(bytes, 1 + rnd.nextInt(bytes.length - 1));
            }
            FileResult r = analyze(bytes, path, "mutation #" + i + " of " + db.getFileName());
            assertThat(r.packages().size()).isLessThanOrEqualTo(packages);
            assertThat(r.packages()).allSatisfy(p -> {
                assertThat(p.name()).isNotEmpty();
                assertThat(p.version()).isNotEmpty();
            });
            damaged += r.warnings().isEmpty() && r.packages().size() == packages ? 0 : 1;
        }
        assertThat(damaged).as("mutations that visibly damaged the database").isGreaterThanOrEqualTo(minDamaged);
    }

    private FileResult analyze(byte[] bytes, String path, String what) {
        FileResult[] result = new FileResult[1];
        assertThatCode(() -> result[0] = analyzer.analyze(TestFileEntry.of(bytes, path, tmp)))
                .as(what).doesNotThrowAnyException();
        assertThat(result[0]).as(what).isNotNull();
        assertThat(result[0].packages().isEmpty() || result[0].warnings().size() <= PackageCollector.MAX_WARNINGS + 1)
                .isTrue();
        return result[0];
    }

    /** An NDB file header and slots with valid magic numbers and random contents. */
    private static void plausibleNdb(byte[] bytes, Random rnd) {
        if (bytes.length < 32) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, "RpmP".getBytes(StandardCharsets.US_ASCII)).putInt(4, 0).putInt(12, 1 + rnd.nextInt(3));
        for (int at = 32; at + 16 <= Math.min(bytes.length, 4096 * 3); at += 16) {
            b.put(at, "Slot".getBytes(StandardCharsets.US_ASCII));
            if (rnd.nextInt(3) == 0) {
                b.putInt(at + 4, 0);
            }
            if (rnd.nextBoolean()) {
                b.putInt(at + 8, 256 + rnd.nextInt(Math.max(1, bytes.length / 16)));
                b.putInt(at + 12, rnd.nextInt(100));
            }
        }
    }

    /** A BerkeleyDB hash metadata page with sane fields and random pages behind it. */
    private static void plausibleBdb(byte[] bytes, Random rnd) {
        int pageSize = 512 << rnd.nextInt(4);
        if (bytes.length < pageSize * 2) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int lastPage = bytes.length / pageSize - 1;
        b.putInt(12, 0x061561).putInt(16, 9).putInt(20, pageSize).put(24, (byte) 0).put(25, (byte) 8)
                .put(26, (byte) (rnd.nextInt(4) == 0 ? 1 : 0)).putInt(32, lastPage).putInt(72, rnd.nextInt(lastPage + 1));
        for (int i = 0; i < 32; i++) {
            b.putInt(96 + 4 * i, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(lastPage + 1));
        }
        for (int p = 1; p <= lastPage; p++) {
            int type = new int[] {13, 13, 7, 2, 0, 12, 3}[rnd.nextInt(7)];
            b.put(p * pageSize + 25, (byte) type);
            b.putShort(p * pageSize + 20, (short) rnd.nextInt(12));
            b.putInt(p * pageSize + 16, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(lastPage + 1));
        }
    }
}
