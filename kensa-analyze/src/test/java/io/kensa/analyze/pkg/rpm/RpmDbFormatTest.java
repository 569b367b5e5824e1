package io.kensa.analyze.pkg.rpm;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Recognising the database format by magic bytes. */
class RpmDbFormatTest {

    @Test
    void recognisesTheRealDatabases() throws Exception {
        assertThat(RpmDbFormat.detect(TestData.marinerSqlite())).contains(RpmDbFormat.SQLITE);
        assertThat(RpmDbFormat.detect(TestData.slesNdb())).contains(RpmDbFormat.NDB);
        assertThat(RpmDbFormat.detect(TestData.ubi8Bdb())).contains(RpmDbFormat.BERKELEY_DB);
    }

    @Test
    void recognisesBerkeleyDbMagicInEitherByteOrderAndAnyAccessMethod() {
        for (int magic : new int[] {0x061561, 0x053162}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                byte[] head = ByteBuffer.allocate(16).order(order).putInt(12, magic).array();
                assertThat(RpmDbFormat.detect(head)).contains(RpmDbFormat.BERKELEY_DB);
            }
        }
    }

    @Test
    void rejectsOtherContent() {
        assertThat(RpmDbFormat.detect(new byte[0])).isEmpty();
        assertThat(RpmDbFormat.detect(new byte[16])).isEmpty();
        assertThat(RpmDbFormat.detect("SQLite format 2\0".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(RpmDbFormat.detect("RpmI".getBytes(StandardCharsets.US_ASCII))).as("NDB index, not packages")
                .isEmpty();
        assertThat(RpmDbFormat.detect("Rpm".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(RpmDbFormat.detect("RpmP".getBytes(StandardCharsets.US_ASCII))).contains(RpmDbFormat.NDB);
    }
}
