package io.kensa.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {
    private static final String HEX = "9f428b2ec8a9b34000042ed7904ba9c0cc3c877b639a784f32beb4a35859275a";

    @Test
    void parsesAndPrintsSha256() {
        Digest d = Digest.parse("sha256:" + HEX);
        assertThat(d.algorithm()).isEqualTo("sha256");
        assertThat(d.hex()).isEqualTo(HEX);
        assertThat(d.toString()).isEqualTo("sha256:" + HEX);
        assertThat(d.shortHex()).isEqualTo("9f428b2ec8a9");
        assertThat(d.javaAlgorithm()).isEqualTo("SHA-256");
        assertThat(Digest.parse("SHA256:" + HEX)).isEqualTo(d);
    }

    @Test
    void refusesMalformedDigestsWithOneLine() {
        for (String bad : List.of("", HEX, "sha256:", "sha256:" + HEX.toUpperCase(), "sha256:" + HEX + "0",
                "sha256:../../etc/passwd", "md5:d41d8cd98f00b204e9800998ecf8427e", "sha512:" + HEX)) {
            assertThatThrownBy(() -> Digest.parse(bad)).as(bad).isInstanceOf(KensaException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> Digest.parse(null)).isInstanceOf(KensaException.class);
    }

    @Test
    void exceptionMessagesAreOneLineWithExitCodeTwo() {
        KensaException e = new KensaException("first\nsecond\r\nthird");
        assertThat(e.getMessage()).isEqualTo("first second  third");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(new KensaException(null).getMessage()).isEqualTo("unknown error");
    }

    @Test
    void packageKeyAndCopies() {
        Package p = Package.of("deb", "libc6", "2.36-9", "amd64", new SourcePackage("glibc", "2.36-9"), null, "var/lib/dpkg/status");
        assertThat(p.key()).isEqualTo("deb/libc6@2.36-9#amd64");
        assertThat(p.licenses()).isEmpty();
        Package placed = p.withLayer("sha256:" + HEX).withPurl("pkg:deb/debian/libc6@2.36-9").withPaths(List.of("a", "b"));
        assertThat(placed.layer()).isEqualTo("sha256:" + HEX);
        assertThat(placed.purl()).isEqualTo("pkg:deb/debian/libc6@2.36-9");
        assertThat(placed.paths()).containsExactly("a", "b");
        assertThat(placed.key()).isEqualTo(p.key());
    }
}
