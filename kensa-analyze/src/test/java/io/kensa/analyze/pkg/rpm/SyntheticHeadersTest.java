package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.pkg.rpm.bdb.BdbPackagesReader;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers with the fields the corpus lacks (modularity label, explicit epochs, a gpg-pubkey, a dribble entry
 * overriding a region entry), written into a BerkeleyDB {@code Packages}: rpm decodes them exactly as Kensa does,
 * and the analyzer maps them to the expected packages.
 */
@Timeout(120)
class SyntheticHeadersTest {
    @TempDir
    static Path work;
    static Path dbDir;

    static final List<byte[]> HEADERS = List.of(
            HeaderBlobBuilder.pkg("nodejs", "18.18.2", "2.module+el8.9.0+20326+387084e1")
                    .int32(RpmTag.EPOCH, 1)
                    .string(RpmTag.MODULARITYLABEL, "nodejs:18:8090020231019152822:a75119d5")
                    .string(RpmTag.VENDOR, "Red Hat, Inc.")
                    .string(RpmTag.LICENSE, "MIT and ASL 2.0 and ISC and BSD")
                    .string(RpmTag.SOURCERPM, "nodejs-18.18.2-2.module+el8.9.0+20326+387084e1.src.rpm").build(),
            HeaderBlobBuilder.pkg("libuuid", "2.32.1", "42.el8_8")
                    .string(RpmTag.LICENSE, "BSD").string(RpmTag.VENDOR, "Red Hat, Inc.")
                    .string(RpmTag.SOURCERPM, "util-linux-2.32.1-42.el8_8.src.rpm").build(),
            new HeaderBlobBuilder().string(RpmTag.NAME, "gpg-pubkey").string(RpmTag.VERSION, "fd431d51")
                    .string(RpmTag.RELEASE, "4ae0493b").i18n(1004, "gpg(Red Hat, Inc. (release key 2))")
                    .string(RpmTag.LICENSE, "pubkey").build(),
            HeaderBlobBuilder.pkg("zero-epoch", "1.0", "1").int32(RpmTag.EPOCH, 0)
                    .string(RpmTag.SOURCERPM, "zero-epoch-1.0-1.src.rpm").build(),
            HeaderBlobBuilder.pkg("dribbled", "2.0", "3").string(RpmTag.VENDOR, "Region Vendor")
                    .string(RpmTag.SOURCERPM, "dribbled-2.0-3.nosrc.rpm")
                    .dribbleString(RpmTag.VENDOR, "Dribble Vendor").build(),
            HeaderBlobBuilder.pkg("bare", "0.1", "0").build());

    @BeforeAll
    static void writeDatabase() throws Exception {
        ExternalTools.requireRpm();
        ExternalTools.requireDbUtils();
        dbDir = Files.createDirectories(work.resolve("db"));
        List<BdbFixtures.Pair> records = new ArrayList<>();
        records.add(BdbFixtures.rpmInstanceZero(HEADERS.size(), ByteOrder.LITTLE_ENDIAN));
        for (int i = 0; i < HEADERS.size(); i++) {
            records.add(new BdbFixtures.Pair(BdbFixtures.instanceKey(i + 1, ByteOrder.LITTLE_ENDIAN), HEADERS.get(i)));
        }
        BdbFixtures.load(dbDir.resolve("Packages"), records, List.of("db_pagesize=4096"), work);
    }

    @Test
    void rpmDecodesTheHeadersAsKensaDoes() throws Exception {
        List<RpmRow> rpm = RpmRow.parseLines(
                ExternalTools.rpmQueryAll(dbDir, "bdb_ro", RpmRow.QUERY_FORMAT_FULL, work), false);
        assertThat(rpm).hasSize(HEADERS.size());
        assertThat(RecordingSink.read(new BdbPackagesReader(), dbDir.resolve("Packages")).rows())
                .containsExactlyElementsOf(rpm);
        assertThat(rpm).contains(
                new RpmRow("nodejs", 1, "18.18.2", "2.module+el8.9.0+20326+387084e1", "x86_64",
                        "nodejs-18.18.2-2.module+el8.9.0+20326+387084e1.src.rpm", "MIT and ASL 2.0 and ISC and BSD",
                        "Red Hat, Inc.", "nodejs:18:8090020231019152822:a75119d5"),
                new RpmRow("dribbled", 0, "2.0", "3", "x86_64", "dribbled-2.0-3.nosrc.rpm", "(none)",
                        "Dribble Vendor", "(none)"));
    }

    @Test
    void analyzerMapsThemToPackages() throws Exception {
        FileResult result = new RpmDbAnalyzer().analyze(
                TestFileEntry.of(dbDir.resolve("Packages"), "var/lib/rpm/Packages"));
        String path = "var/lib/rpm/Packages";
        assertThat(result.warnings()).isEmpty();
        assertThat(result.packages()).as("gpg-pubkey is not a package").containsExactlyInAnyOrder(
                new Package("rpm", "nodejs", "1:18.18.2-2.module+el8.9.0+20326+387084e1", "x86_64",
                        new SourcePackage("nodejs", "18.18.2-2.module+el8.9.0+20326+387084e1"),
                        List.of("MIT and ASL 2.0 and ISC and BSD"), "Red Hat, Inc.",
                        "nodejs:18:8090020231019152822:a75119d5", null, null, List.of(path)),
                new Package("rpm", "libuuid", "2.32.1-42.el8_8", "x86_64",
                        new SourcePackage("util-linux", "2.32.1-42.el8_8"), List.of("BSD"), "Red Hat, Inc.", null,
                        null, null, List.of(path)),
                new Package("rpm", "zero-epoch", "1.0-1", "x86_64", new SourcePackage("zero-epoch", "1.0-1"),
                        List.of(), null, null, null, null, List.of(path)),
                new Package("rpm", "dribbled", "2.0-3", "x86_64", new SourcePackage("dribbled", "2.0-3"),
                        List.of(), "Dribble Vendor", null, null, null, List.of(path)),
                new Package("rpm", "bare", "0.1-0", "x86_64", null, List.of(), null, null, null, null,
                        List.of(path)));
    }
}
