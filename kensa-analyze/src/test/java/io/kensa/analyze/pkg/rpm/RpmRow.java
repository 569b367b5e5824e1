package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.RpmHeader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of {@code rpm -qa --qf '%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\t%{LICENSE}'}
 * (absent values print as {@code (none)}), optionally followed by {@code %{VENDOR}\t%{MODULARITYLABEL}}.
 */
record RpmRow(String name, long epoch, String version, String release, String arch, String sourceRpm,
              String license, String vendor, String modularityLabel) {

    static final String QUERY_FORMAT =
            "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\t%{LICENSE}\\n";
    static final String QUERY_FORMAT_FULL = "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t"
            + "%{SOURCERPM}\\t%{LICENSE}\\t%{VENDOR}\\t%{MODULARITYLABEL}\\n";
    private static final String NONE = "(none)";

    /** The row rpm would print for this header, decoded by Kensa's parser. */
    static RpmRow of(byte[] blob) throws IOException {
        RpmHeader h = HeaderParser.parse(blob);
        return new RpmRow(s(h, RpmTag.NAME), h.uint32(RpmTag.EPOCH).orElse(0), s(h, RpmTag.VERSION),
                s(h, RpmTag.RELEASE), s(h, RpmTag.ARCH), s(h, RpmTag.SOURCERPM), s(h, RpmTag.LICENSE),
                s(h, RpmTag.VENDOR), s(h, RpmTag.MODULARITYLABEL));
    }

    /** Same row without the vendor and modularity label (the columns of the corpus' rpm-qa.tsv). */
    RpmRow basic() {
        return new RpmRow(name, epoch, version, release, arch, sourceRpm, license, null, null);
    }

    static List<RpmRow> parseLines(String text, boolean skipHeaderRow) {
        return text.lines().skip(skipHeaderRow ? 1 : 0).filter(l -> !l.isEmpty()).map(RpmRow::parse).toList();
    }

    static List<RpmRow> readTsv(Path tsv) throws IOException {
        return parseLines(Files.readString(tsv, StandardCharsets.UTF_8), true);
    }

    private static RpmRow parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7 && f.length != 9) {
            throw new IllegalArgumentException("expected 7 or 9 tab-separated fields: " + line);
        }
        return new RpmRow(f[0], Long.parseLong(f[1]), f[2], f[3], f[4], f[5], f[6],
                f.length == 9 ? f[7] : null, f.length == 9 ? f[8] : null);
    }

    private static String s(RpmHeader h, int tag) throws IOException {
        return h.string(tag).orElse(NONE);
    }
}
