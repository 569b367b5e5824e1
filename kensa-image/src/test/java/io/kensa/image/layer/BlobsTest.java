package io.kensa.image.layer;

import io.kensa.core.KensaException;
import io.kensa.image.testing.Bytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobsTest {
    @Test
    void readVerifiedChecksSizeAndDigest() throws IOException {
        byte[] doc = Bytes.utf8("{\"schemaVersion\":2}");
        assertThat(Blobs.readVerified(new ByteArrayInputStream(doc), Bytes.sha256(doc), doc.length, "doc")).isEqualTo(doc);
        assertThatThrownBy(() -> Blobs.readVerified(new ByteArrayInputStream(doc), Bytes.sha256(doc), doc.length - 1, "doc"))
                .isInstanceOf(KensaException.class).hasMessage("doc is larger than " + (doc.length - 1) + " bytes");
        byte[] other = Bytes.utf8("{}");
        assertThatThrownBy(() -> Blobs.readVerified(new ByteArrayInputStream(other), Bytes.sha256(doc), 100, "doc"))
                .isInstanceOf(KensaException.class)
                .hasMessage("doc: digest mismatch (expected " + Bytes.sha256(doc) + ", got " + Bytes.sha256(other) + ")");
    }

    @Test
    void sha512DigestsAreComputed() {
        byte[] doc = Bytes.utf8("abc");
        assertThat(Blobs.digest("sha512", doc).hex()).startsWith("ddaf35a193617aba");
        assertThat(Blobs.digest("sha256", doc).hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
