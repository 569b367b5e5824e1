package io.kensa.db.feed;

import io.kensa.core.KensaException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedInputStreamTest {
    @Test
    void theWholeStreamIsCapped() throws IOException {
        CappedInputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[100]), "f.gz", 100);
        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.count()).isEqualTo(100);

        CappedInputStream over = new CappedInputStream(new ByteArrayInputStream(new byte[101]), "f.gz", 100);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(KensaException.class)
                .hasMessage("f.gz: larger than 100 bytes (uncompressed); refused");
        CappedInputStream byByte = new CappedInputStream(new ByteArrayInputStream(new byte[101]), "f.gz", 100);
        assertThatThrownBy(() -> {
            while (byByte.read() >= 0) {
                // read on
            }
        }).isInstanceOf(KensaException.class);
    }

    @Test
    void eachRecordIsCapped() throws IOException {
        CappedInputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[1000]), "f.json", 1000, 300);
        in.startRecord();
        assertThat(in.readNBytes(300)).hasSize(300);
        in.startRecord();
        assertThat(in.readNBytes(300)).hasSize(300);
        in.startRecord();
        assertThat(in.readNBytes(200)).hasSize(200);
        assertThatThrownBy(() -> in.readNBytes(101)).isInstanceOf(KensaException.class)
                .hasMessage("f.json: a record larger than 300 bytes (near byte 600); refused");
    }
}
