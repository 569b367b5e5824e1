package io.kensa.image.tar;

import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.RawTar;
import io.kensa.image.testing.TarBuilder;
import io.kensa.image.testing.TarBuilder.Dialect;
import io.kensa.image.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TarReaderTest {
    private static final int LIMIT = 1 << 20;
    private static final String LONG_DIR = "usr/share/" + "d".repeat(70) + "/" + "e".repeat(70);
    private static final String LONG_NAME = LONG_DIR + "/file-with-a-rather-long-name.txt";
    private static final String LONG_TARGET = "../" + "t".repeat(90) + "/" + "u".repeat(90) + "/target";

    /** One entry as read, with its content and the reader's position right after {@code next()}. */
    record Read(TarEntry entry, byte[] content, long positionAfterNext) {
    }

    /**
     * Reads every entry and its whole content, and checks the invariants that hold for any archive: the position
     * after {@code next()} is the entry's data offset, and the content equals the raw bytes at that offset.
     */
    static List<Read> readAll(byte[] tar) throws IOException {
        TarReader reader = new TarReader(new ByteArrayInputStream(tar), LIMIT);
        List<Read> out = new ArrayList<>();
        TarEntry e;
        while ((e = reader.next()) != null) {
            long pos = reader.position();
            byte[] content = reader.content().readAllBytes();
            assertThat(pos).as("position after next() of %s", e.name()).isEqualTo(e.dataOffset());
            assertThat(content).as("content length of %s", e.name()).hasSize((int) e.size());
            assertThat(content).as("content of %s equals raw bytes at its data offset", e.name())
                    .isEqualTo(Arrays.copyOfRange(tar, (int) e.dataOffset(), (int) (e.dataOffset() + e.size())));
            assertThat(reader.content().read()).isEqualTo(-1);
            out.add(new Read(e, content, pos));
        }
        assertThat(reader.next()).as("next() after the end stays null").isNull();
        return out;
    }

    static Map<String, Read> byName(List<Read> reads) {
        Map<String, Read> m = new LinkedHashMap<>();
        reads.forEach(r -> m.put(r.entry().name(), r));
        return m;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void readsFilesDirectoriesAndLinksInEveryDialect(Dialect dialect) throws IOException {
        byte[] busybox = random(3000, 1);
        byte[] tar = TarBuilder.of(dialect)
                .dir("etc")
                .file("etc/hosts", "127.0.0.1 localhost\n")
                .file("etc/empty", new byte[0])
                .file("bin/busybox", busybox, 04755)
                .symlink("bin/sh", "busybox")
                .hardlink("bin/ls", "bin/busybox")
                .file("block/exact", new byte[512])
                .build();
        Map<String, Read> entries = byName(readAll(tar));

        assertThat(entries.keySet()).containsExactly("etc/", "etc/hosts", "etc/empty", "bin/busybox", "bin/sh",
                "bin/ls", "block/exact");
        assertThat(entries.get("etc/").entry().type()).isEqualTo(TarEntry.Type.DIRECTORY);
        assertThat(entries.get("etc/").entry().mode()).isEqualTo(0755);
        assertThat(entries.get("etc/hosts").entry().type()).isEqualTo(TarEntry.Type.FILE);
        assertThat(entries.get("etc/hosts").entry().isFile()).isTrue();
        assertThat(new String(entries.get("etc/hosts").content(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1 localhost\n");
        assertThat(entries.get("etc/empty").entry().size()).isZero();
        assertThat(entries.get("bin/busybox").content()).isEqualTo(busybox);
        assertThat(entries.get("bin/busybox").entry().mode()).isEqualTo(04755);
        assertThat(entries.get("bin/sh").entry().type()).isEqualTo(TarEntry.Type.SYMLINK);
        assertThat(entries.get("bin/sh").entry().linkName()).isEqualTo("busybox");
        assertThat(entries.get("bin/sh").entry().size()).isZero();
        assertThat(entries.get("bin/ls").entry().type()).isEqualTo(TarEntry.Type.HARDLINK);
        assertThat(entries.get("bin/ls").entry().linkName()).isEqualTo("bin/busybox");
        assertThat(entries.get("etc/hosts").entry().linkName()).isNull();
        // header block of "etc/" at 0, header of etc/hosts at 512, its data at 1024
        assertThat(entries.get("etc/hosts").entry().dataOffset()).isEqualTo(1024);
        assertThat(entries.get("block/exact").entry().size()).isEqualTo(512);
    }

    @Test
    void ustarRefusesLongNamesSoTheOtherDialectsAreReallyExercised() {
        assertThatThrownBy(() -> TarBuilder.of(Dialect.USTAR).file(LONG_NAME, "x").build())
                .hasMessageContaining("too long");
    }

    @Test
    void gnuLongNamesAndLongLinkTargets() throws IOException {
        byte[] tar = TarBuilder.of(Dialect.GNU)
                .file(LONG_NAME, "long\n")
                .symlink(LONG_DIR + "/link", LONG_TARGET)
                .hardlink(LONG_DIR + "/hard", LONG_NAME)
                .file("short", "s")
                .build();
        assertThat(new String(tar, StandardCharsets.ISO_8859_1)).contains("././@LongLink");
        assertThat(typeFlags(tar)).contains('L', 'K');
        Map<String, Read> entries = byName(readAll(tar));

        assertThat(entries.keySet()).containsExactly(LONG_NAME, LONG_DIR + "/link", LONG_DIR + "/hard", "short");
        Read file = entries.get(LONG_NAME);
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("long\n");
        // the ././@LongLink header, the name (one block), then the entry's own header
        assertThat(file.entry().dataOffset()).isEqualTo(3 * 512);
        assertThat(entries.get(LONG_DIR + "/link").entry().linkName()).isEqualTo(LONG_TARGET);
        assertThat(entries.get(LONG_DIR + "/hard").entry().linkName()).isEqualTo(LONG_NAME);
        assertThat(entries.get("short").content()).containsExactly('s');
    }

    @Test
    void paxLongPathLinkpathAndSize() throws IOException {
        byte[] tar = TarBuilder.of(Dialect.PAX)
                .file(LONG_NAME, "pax\n")
                .symlink(LONG_DIR + "/link", LONG_TARGET)
                .build();
        assertThat(typeFlags(tar)).contains('x');
        Map<String, Read> entries = byName(readAll(tar));
        assertThat(entries.keySet()).containsExactly(LONG_NAME, LONG_DIR + "/link");
        assertThat(new String(entries.get(LONG_NAME).content(), StandardCharsets.UTF_8)).isEqualTo("pax\n");
        assertThat(entries.get(LONG_DIR + "/link").entry().linkName()).isEqualTo(LONG_TARGET);

        // a PAX size record overrides the ustar size field (here 0): the data is 1000 bytes
        byte[] data = random(1000, 2);
        byte[] sized = new RawTar()
                .paxHeader(RawTar.pax("size", "1000", "path", "pax/sized", "mtime", "1783728000.5"))
                .entry(RawTar.header("ignored-name", '0', 0, null), data)
                .file("after", Bytes.utf8("after"))
                .end().bytes();
        Map<String, Read> s = byName(readAll(sized));
        assertThat(s.keySet()).containsExactly("pax/sized", "after");
        assertThat(s.get("pax/sized").content()).isEqualTo(data);
        assertThat(s.get("pax/sized").entry().dataOffset()).isEqualTo(3 * 512);
        assertThat(s.get("after").content()).isEqualTo(Bytes.utf8("after"));
    }

    @Test
    void paxGlobalHeadersAreIgnoredAndPaxAppliesToOneEntryOnly() throws IOException {
        byte[] tar = new RawTar()
                .entry(RawTar.header("global", 'g', RawTar.pax("comment", "hello").length, null), RawTar.pax("comment", "hello"))
                .paxHeader(RawTar.pax("path", "renamed/by/pax"))
                .file("original", Bytes.utf8("1"))
                .file("second", Bytes.utf8("2"))
                .end().bytes();
        assertThat(byName(readAll(tar)).keySet()).containsExactly("renamed/by/pax", "second");
    }

    @Test
    void ustarPrefixFieldIsJoinedToTheName() throws IOException {
        byte[] h = RawTar.header("name.txt", '0', 3, null);
        RawTar.put(h, 345, 155, "some/prefix/dir");
        RawTar.fixChecksum(h);
        byte[] tar = new RawTar().entry(h, Bytes.utf8("abc")).end().bytes();
        assertThat(readAll(tar).getFirst().entry().name()).isEqualTo("some/prefix/dir/name.txt");
    }

    @Test
    void oldStyleTypesAndTrailingSlashDirectories() throws IOException {
        byte[] tar = new RawTar()
                .add(RawTar.header("olddir/", '\0', 0, null))
                .entry(RawTar.header("oldfile", '\0', 2, null), Bytes.utf8("hi"))
                .entry(RawTar.header("contiguous", '7', 1, null), Bytes.utf8("c"))
                .end().bytes();
        Map<String, Read> e = byName(readAll(tar));
        assertThat(e.get("olddir/").entry().type()).isEqualTo(TarEntry.Type.DIRECTORY);
        assertThat(e.get("oldfile").entry().type()).isEqualTo(TarEntry.Type.FILE);
        assertThat(e.get("contiguous").entry().type()).isEqualTo(TarEntry.Type.FILE);
    }

    @Test
    void devicesAndFifosCarryNoDataEvenWhenTheirSizeFieldSaysSo() throws IOException {
        // Go's archive/tar (what container runtimes unpack layers with) ignores the size of char, block and fifo
        // entries; a reader that skipped "their data" would miss the entries hidden there.
        byte[] hidden = new RawTar().file("var/lib/dpkg/status", Bytes.utf8("Package: hidden\n")).bytes();
        for (char type : new char[]{'3', '4', '6'}) {
            byte[] tar = new RawTar()
                    .add(RawTar.header("dev/thing", type, hidden.length, null))
                    .raw(hidden)
                    .end().bytes();
            Map<String, Read> e = byName(readAll(tar));
            assertThat(e.keySet()).as("type %s", type).containsExactly("dev/thing", "var/lib/dpkg/status");
            assertThat(e.get("dev/thing").entry().type()).isEqualTo(TarEntry.Type.OTHER);
            assertThat(e.get("dev/thing").entry().size()).isZero();
        }
        byte[] fifo = TarBuilder.layer().fifo("run/fifo").file("x", "x").build();
        assertThat(byName(readAll(fifo)).keySet()).containsExactly("run/fifo", "x");
    }

    @Test
    void linksAndDirectoriesWithASizeFieldCarryNoData() throws IOException {
        byte[] tar = new RawTar()
                .add(RawTar.header("dir/", '5', 512, null))
                .add(RawTar.header("sym", '2', 512, "dir"))
                .add(RawTar.header("hard", '1', 512, "dir/x"))
                .file("last", Bytes.utf8("z"))
                .end().bytes();
        assertThat(byName(readAll(tar)).keySet()).containsExactly("dir/", "sym", "hard", "last");
    }

    @Test
    void base256SizeIsDecoded() throws IOException {
        byte[] data = random(515, 3);
        byte[] h = RawTar.base256Size(RawTar.header("big", '0', 0, null), 515);
        byte[] tar = new RawTar().entry(h, data).file("next", Bytes.utf8("n")).end().bytes();
        Map<String, Read> e = byName(readAll(tar));
        assertThat(e.get("big").entry().size()).isEqualTo(515);
        assertThat(e.get("big").content()).isEqualTo(data);
        assertThat(e.get("next").content()).containsExactly('n');
    }

    @Test
    void entryLargerThan8GiBIsSkippedAndOffsetsStayExact() throws IOException {
        long size = (9L << 30) + 7;
        long padded = (size + 511) / 512 * 512;
        byte[] h = RawTar.base256Size(RawTar.header("huge", '0', 0, null), size);
        byte[] tail = new RawTar().file("after", Bytes.utf8("after")).end().bytes();
        InputStream in = new SparseStream(h, padded, tail);
        TarReader reader = new TarReader(in, LIMIT);
        TarEntry huge = reader.next();
        assertThat(huge.size()).isEqualTo(size);
        assertThat(huge.dataOffset()).isEqualTo(512);
        assertThat(reader.content().read()).isZero();
        TarEntry after = reader.next();
        assertThat(after.name()).isEqualTo("after");
        assertThat(after.dataOffset()).isEqualTo(512 + padded + 512);
        assertThat(new String(reader.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("after");
        assertThat(reader.position()).isEqualTo(512 + padded + 512 + 5);
        assertThat(reader.next()).isNull();
    }

    @Test
    void partlyReadAndUnreadContentIsSkipped() throws IOException {
        byte[] a = random(2000, 4);
        byte[] tar = new RawTar().file("a", a).file("b", Bytes.utf8("bee")).file("c", random(700, 5))
                .file("d", Bytes.utf8("dee")).end().bytes();
        TarReader reader = new TarReader(new ByteArrayInputStream(tar), LIMIT);
        assertThat(reader.next().name()).isEqualTo("a");
        byte[] first = reader.content().readNBytes(100);
        assertThat(first).isEqualTo(Arrays.copyOf(a, 100));
        assertThat(reader.content().skip(50)).isEqualTo(50);
        assertThat(reader.content().read()).isEqualTo(a[150] & 0xff);
        assertThat(reader.position()).isEqualTo(512 + 151);
        TarEntry b = reader.next();
        assertThat(b.name()).isEqualTo("b");
        assertThat(b.dataOffset()).isEqualTo(512 + 2048 + 512);
        assertThat(reader.content().readAllBytes()).isEqualTo(Bytes.utf8("bee"));
        assertThat(reader.next().name()).isEqualTo("c"); // not read at all
        TarEntry d = reader.next();
        assertThat(d.name()).isEqualTo("d");
        assertThat(d.dataOffset()).isEqualTo(512 + 2048 + 512 + 512 + 512 + 1024 + 512);
        assertThat(reader.content().skip(1000)).isEqualTo(3);
        assertThat(reader.next()).isNull();
    }

    @Test
    void endOfArchiveWithoutZeroBlocksOrWithOneIsAccepted() throws IOException {
        byte[] noEnd = new RawTar().file("a", Bytes.utf8("a")).bytes();
        assertThat(readAll(noEnd)).hasSize(1);
        byte[] oneBlock = new RawTar().file("a", Bytes.utf8("a")).raw(new byte[512]).bytes();
        assertThat(readAll(oneBlock)).hasSize(1);
        assertThat(readAll(new byte[0])).isEmpty();
    }

    @Test
    void contentWithoutCurrentEntryIsAnError() {
        TarReader reader = new TarReader(new ByteArrayInputStream(new byte[0]), LIMIT);
        assertThatThrownBy(reader::content).isInstanceOf(IllegalStateException.class);
    }

    // ---- archives written by GNU tar itself ----

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "posix", "ustar", "oldgnu"})
    void readsArchivesWrittenByGnuTar(String format, @TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        byte[] busybox = random(3000, 6);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        Files.createDirectories(root.resolve(LONG_DIR));
        Files.writeString(root.resolve(LONG_NAME), "deep\n");
        Files.createDirectories(root.resolve("bin"));
        Files.write(root.resolve("bin/busybox"), busybox);
        Files.createLink(root.resolve("bin/ls"), root.resolve("bin/busybox"));
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
        Files.createDirectories(root.resolve("var/empty"));
        boolean longLinks = !format.equals("ustar");
        if (longLinks) {
            Files.createDirectories(root.resolve("lib"));
            Files.createSymbolicLink(root.resolve("lib/long-link"), Path.of(LONG_TARGET));
        }
        Path archive = dir.resolve("out.tar");
        List<String> cmd = new ArrayList<>(List.of("tar", "--format=" + format, "--sort=name", "--owner=0",
                "--group=0", "--numeric-owner", "-cf", archive.toString(), "-C", root.toString(), "bin", "etc", "usr",
                "var"));
        if (longLinks) {
            cmd.add("lib");
        }
        Tools.run(dir, cmd);
        byte[] tar = Files.readAllBytes(archive);
        Map<String, Read> e = byName(readAll(tar));

        assertThat(e).containsKeys("bin/", "bin/busybox", "bin/ls", "bin/sh", "etc/hosts", LONG_NAME, "var/empty/");
        assertThat(e.get("bin/busybox").content()).isEqualTo(busybox);
        assertThat(e.get("bin/ls").entry().type()).isEqualTo(TarEntry.Type.HARDLINK);
        assertThat(e.get("bin/ls").entry().linkName()).isEqualTo("bin/busybox");
        assertThat(e.get("bin/sh").entry().type()).isEqualTo(TarEntry.Type.SYMLINK);
        assertThat(e.get("bin/sh").entry().linkName()).isEqualTo("busybox");
        assertThat(e.get("var/empty/").entry().type()).isEqualTo(TarEntry.Type.DIRECTORY);
        assertThat(new String(e.get(LONG_NAME).content(), StandardCharsets.UTF_8)).isEqualTo("deep\n");
        if (longLinks) {
            assertThat(e.get("lib/long-link").entry().linkName()).isEqualTo(LONG_TARGET);
        }
        String expectedFlags = switch (format) {
            case "gnu", "oldgnu" -> "L";
            case "posix" -> "x";
            default -> "";
        };
        for (char c : expectedFlags.toCharArray()) {
            assertThat(typeFlags(tar)).as("GNU tar --format=%s wrote a '%s' header", format, c).contains(c);
        }
    }

    // ---- hostile input ----

    @Test
    void badChecksumIsRefused() {
        byte[] tar = new RawTar().file("a", Bytes.utf8("a")).end().bytes();
        tar[10] ^= 0x01; // change the name without fixing the checksum
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("checksum mismatch at offset 0");
    }

    @Test
    void randomBytesAreNotATar() {
        byte[] junk = random(4096, 7);
        assertThatThrownBy(() -> readAll(junk)).isInstanceOf(TarFormatException.class);
    }

    @Test
    void signedChecksumsOfOldWritersAreAccepted() throws IOException {
        byte[] h = RawTar.header("caf\u00e9", '0', 1, null); // a byte >= 0x80 makes the two sums differ
        long signed = 0;
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        for (byte b : h) {
            signed += b;
        }
        RawTar.put(h, 148, 8, String.format("%06o", signed));
        h[154] = 0;
        h[155] = ' ';
        byte[] tar = new RawTar().entry(h, Bytes.utf8("x")).end().bytes();
        assertThat(readAll(tar).getFirst().entry().name()).isEqualTo("caf\u00e9");
    }

    @Test
    void truncatedHeaderIsRefused() {
        byte[] full = new RawTar().file("a", Bytes.utf8("a")).file("b", Bytes.utf8("b")).end().bytes();
        byte[] cut = Bytes.cut(full, 1024 + 300);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("truncated tar header at offset 1024");
    }

    @Test
    void truncatedDataIsRefusedWhenReadAndWhenSkipped() throws IOException {
        byte[] full = new RawTar().file("a", random(2000, 8)).end().bytes();
        byte[] cut = Bytes.cut(full, 512 + 700);
        TarReader reading = new TarReader(new ByteArrayInputStream(cut), LIMIT);
        reading.next();
        assertThatThrownBy(() -> reading.content().readAllBytes()).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("truncated");
        TarReader skipping = new TarReader(new ByteArrayInputStream(cut), LIMIT);
        skipping.next();
        assertThatThrownBy(skipping::next).isInstanceOf(TarFormatException.class).hasMessageContaining("truncated");
        TarReader skippingContent = new TarReader(new ByteArrayInputStream(cut), LIMIT);
        skippingContent.next();
        assertThatThrownBy(() -> skippingContent.content().skip(5000)).isInstanceOf(TarFormatException.class);
        // the padding after the data is part of the archive too
        byte[] noPadding = Bytes.cut(full, 512 + 2000);
        TarReader padding = new TarReader(new ByteArrayInputStream(noPadding), LIMIT);
        padding.next();
        assertThatThrownBy(padding::next).isInstanceOf(TarFormatException.class).hasMessageContaining("truncated");
    }

    @ParameterizedTest
    @ValueSource(chars = {'x', 'g', 'L', 'K'})
    void extensionHeaderClaiming2GiBIsRefusedBeforeAllocating(char type) throws IOException {
        byte[] h = RawTar.header("././@LongLink", type, (1L << 31), null);
        CountingStream in = new CountingStream(new SparseStream(h, 1L << 31, new byte[1024]));
        TarReader reader = new TarReader(in, LIMIT);
        long before = usedHeap();
        assertThatThrownBy(reader::next).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("2147483648 bytes at offset 0 exceeds the limit of 1048576 bytes");
        assertThat(in.count).as("nothing past the header was read").isEqualTo(512);
        assertThat(usedHeap() - before).as("no 2 GiB buffer was allocated").isLessThan(256L << 20);
    }

    @Test
    void base256ExtensionSizeOfOneTebibyteIsRefused() {
        byte[] h = RawTar.base256Size(RawTar.header("././@LongLink", 'L', 0, null), 1L << 40);
        byte[] tar = new RawTar().add(h).end().bytes();
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void extensionHeaderLimitIsExact() throws IOException {
        byte[] records = RawTar.pax("path", "p/" + "x".repeat(990));
        assertThat(records.length).isGreaterThan(990).isLessThan(1024);
        byte[] tar = new RawTar().paxHeader(records).file("a", Bytes.utf8("a")).end().bytes();
        TarReader fits = new TarReader(new ByteArrayInputStream(tar), records.length);
        assertThat(fits.next().name()).startsWith("p/xxx");
        TarReader tooSmall = new TarReader(new ByteArrayInputStream(tar), records.length - 1);
        assertThatThrownBy(tooSmall::next).isInstanceOf(TarFormatException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void truncatedExtensionHeaderIsRefused() {
        byte[] h = RawTar.header("././@LongLink", 'L', 300, null);
        byte[] tar = new RawTar().add(h).raw(new byte[100]).bytes();
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("truncated GNU long name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1a path=x\n",              // non-digit length
            "3 path=abc\n",             // length shorter than the record
            "40 path=abc\n",            // length past the end of the data
            "0 path=x\n",               // zero length
            "11 pathabc\n",             // no '='
            "12 path=abcX",             // record not ending in a newline
            "11 size=-1\n",             // negative size
            "12 size=abc\n",            // non-numeric size
            "99999999999999999999 path=x\n", // length overflowing
            " path=x\n",                // no length at all
    })
    void malformedPaxRecordsAreRefused(String records) {
        byte[] data = records.getBytes(StandardCharsets.UTF_8);
        byte[] tar = new RawTar().paxHeader(data).file("a", Bytes.utf8("a")).end().bytes();
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("malformed PAX header");
    }

    @Test
    void paxRecordsWithTrailingNulPaddingAreAccepted() throws IOException {
        byte[] records = RawTar.pax("path", "padded");
        byte[] withNul = Arrays.copyOf(records, records.length + 10);
        byte[] tar = new RawTar().paxHeader(withNul).file("a", Bytes.utf8("a")).end().bytes();
        assertThat(readAll(tar).getFirst().entry().name()).isEqualTo("padded");
    }

    @Test
    void nonOctalSizeIsRefused() {
        byte[] h = RawTar.header("a", '0', 1, null);
        RawTar.put(h, 124, 12, "00000000z12");
        RawTar.fixChecksum(h);
        byte[] tar = new RawTar().entry(h, Bytes.utf8("a")).end().bytes();
        assertThatThrownBy(() -> readAll(tar)).isInstanceOf(TarFormatException.class)
                .hasMessageContaining("invalid octal digit in tar size field");
    }

    @Test
    void negativeOrOversizedBase256SizeIsRefused() {
        byte[] negative = RawTar.header("a", '0', 0, null);
        Arrays.fill(negative, 124, 136, (byte) 0xff);
        RawTar.fixChecksum(negative);
        assertThatThrownBy(() -> readAll(new RawTar().add(negative).end().bytes()))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("size field too large");
        byte[] tooBig = RawTar.header("a", '0', 0, null);
        Arrays.fill(tooBig, 124, 136, (byte) 0);
        tooBig[124] = (byte) 0x80;
        tooBig[125] = 1; // beyond 64 bits
        RawTar.fixChecksum(tooBig);
        assertThatThrownBy(() -> readAll(new RawTar().add(tooBig).end().bytes()))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("size field too large");
        byte[] top = RawTar.header("a", '0', 0, null);
        RawTar.base256Size(top, Long.MIN_VALUE); // top bit of the 64-bit value set
        assertThatThrownBy(() -> readAll(new RawTar().add(top).end().bytes()))
                .isInstanceOf(TarFormatException.class).hasMessageContaining("size field too large");
    }

    @Test
    void truncatedArchiveOfARealWriterIsRefusedAtEveryCut() {
        byte[] tar = TarBuilder.of(Dialect.PAX).file(LONG_NAME, random(1500, 9)).file("b", "b").build();
        int lastEntryEnd = tar.length - 1024; // the two zero blocks can go without harm
        for (int cut = 1; cut < lastEntryEnd; cut += 97) {
            if (cut % 512 == 0) {
                continue;
            }
            byte[] t = Bytes.cut(tar, cut);
            assertThatThrownBy(() -> readAll(t)).as("cut at %d", cut).isInstanceOf(TarFormatException.class);
        }
    }

    private static List<Character> typeFlags(byte[] tar) throws IOException {
        // walk headers with the reader under test would be circular: walk blocks by hand
        List<Character> flags = new ArrayList<>();
        int pos = 0;
        while (pos + 512 <= tar.length) {
            byte[] h = Arrays.copyOfRange(tar, pos, pos + 512);
            if (h[0] == 0) {
                break;
            }
            flags.add((char) h[156]);
            long size = TarReader.parseNumber(h, 124, 12, "size");
            char t = (char) h[156];
            boolean data = t == '0' || t == '\0' || t == '7' || t == 'x' || t == 'g' || t == 'L' || t == 'K';
            pos += 512 + (data ? (int) ((size + 511) / 512 * 512) : 0);
        }
        return flags;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A stream of head bytes, then {@code zeros} zero bytes (skippable in O(1)), then tail bytes. */
    static final class SparseStream extends InputStream {
        private final byte[] head;
        private final long zeros;
        private final byte[] tail;
        private long pos;

        SparseStream(byte[] head, long zeros, byte[] tail) {
            this.head = head;
            this.zeros = zeros;
            this.tail = tail;
        }

        private long length() {
            return head.length + zeros + tail.length;
        }

        @Override
        public int read() {
            if (pos >= length()) {
                return -1;
            }
            long p = pos++;
            if (p < head.length) {
                return head[(int) p] & 0xff;
            }
            if (p < head.length + zeros) {
                return 0;
            }
            return tail[(int) (p - head.length - zeros)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
                if (pos == head.length || pos == head.length + zeros) {
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, length() - pos));
            pos += s;
            return s;
        }
    }

    /** Counts the bytes read or skipped. */
    static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += s;
            return s;
        }
    }
}
