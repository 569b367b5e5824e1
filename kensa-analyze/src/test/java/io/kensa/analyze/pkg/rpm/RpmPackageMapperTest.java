package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.header.HeaderParser;
import io.kensa.analyze.pkg.rpm.header.MalformedHeaderException;
import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Header to {@link Package}: every field, gpg-pubkey skipping, and headers missing identity fields. */
class RpmPackageMapperTest {
    private static final String PATH = "var/lib/rpm/rpmdb.sqlite";

    private static Optional<Package> map(HeaderBlobBuilder b) throws Exception {
        return RpmPackageMapper.toPackage(HeaderParser.parse(b.build()), PATH);
    }

    @Test
    void mapsEveryField() throws Exception {
        Package p = map(HeaderBlobBuilder.pkg("perl-IO-Socket-SSL", "2.066", "4.module+el8.3.0+6446+594cad75")
                .int32(RpmTag.EPOCH, 2).string(RpmTag.LICENSE, "(GPL+ or Artistic) and MPLv2.0")
                .string(RpmTag.VENDOR, "Red Hat, Inc.")
                .string(RpmTag.MODULARITYLABEL, "perl-IO-Socket-SSL:2.066:8030020200430120526:3a33b840")
                .string(RpmTag.SOURCERPM, "perl-IO-Socket-SSL-2.066-4.module+el8.3.0+6446+594cad75.src.rpm"))
                .orElseThrow();
        assertThat(p).isEqualTo(new Package("rpm", "perl-IO-Socket-SSL", "2:2.066-4.module+el8.3.0+6446+594cad75",
                "x86_64", new SourcePackage("perl-IO-Socket-SSL", "2.066-4.module+el8.3.0+6446+594cad75"),
                List.of("(GPL+ or Artistic) and MPLv2.0"), "Red Hat, Inc.",
                "perl-IO-Socket-SSL:2.066:8030020200430120526:3a33b840", null, null, List.of(PATH)));
    }

    @Test
    void optionalFieldsMayBeAbsentOrEmpty() throws Exception {
        Package p = map(new HeaderBlobBuilder().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1")
                .string(RpmTag.RELEASE, "2").string(RpmTag.LICENSE, "").string(RpmTag.SOURCERPM, "garbage"))
                .orElseThrow();
        assertThat(p.version()).isEqualTo("1-2");
        assertThat(p.arch()).isNull();
        assertThat(p.source()).as("unparsable SOURCERPM").isNull();
        assertThat(p.licenses()).isEmpty();
        assertThat(p.vendor()).isNull();
        assertThat(p.modularityLabel()).isNull();
        assertThat(p.paths()).containsExactly(PATH);
    }

    @Test
    void explicitZeroEpochIsNotPrinted() throws Exception {
        assertThat(map(HeaderBlobBuilder.pkg("x", "1", "2").int32(RpmTag.EPOCH, 0)).orElseThrow().version())
                .isEqualTo("1-2");
    }

    @Test
    void gpgPubkeyIsNotAPackage() throws Exception {
        assertThat(map(new HeaderBlobBuilder().string(RpmTag.NAME, "gpg-pubkey").string(RpmTag.VERSION, "fd431d51")
                .string(RpmTag.RELEASE, "4ae0493b"))).isEmpty();
    }

    @Test
    void nameVersionAndReleaseAreRequired() {
        assertThatThrownBy(() -> map(new HeaderBlobBuilder().string(RpmTag.VERSION, "1").string(RpmTag.RELEASE, "1")))
                .isInstanceOf(MalformedHeaderException.class).hasMessage("header has no NAME");
        assertThatThrownBy(() -> map(new HeaderBlobBuilder().string(RpmTag.NAME, "x").string(RpmTag.RELEASE, "1")))
                .isInstanceOf(MalformedHeaderException.class).hasMessage("header has no VERSION");
        assertThatThrownBy(() -> map(new HeaderBlobBuilder().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1")))
                .isInstanceOf(MalformedHeaderException.class).hasMessage("header has no RELEASE");
    }
}
