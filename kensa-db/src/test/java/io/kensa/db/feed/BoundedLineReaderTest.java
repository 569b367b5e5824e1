package io.kensa.db.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedLineReaderTest {

    private static List<String> lines(byte[] bytes, int max, List<Boolean> tooLong) throws IOException {
        List<String> out = new ArrayList<>();
        try (BoundedLineReader in = new BoundedLineReader(new ByteArrayInputStream(bytes), max)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(line);
                tooLong.add(in.lastLineTooLong());
            }
        }
        return out;
    }

    @Test
    void linesEndedByLfOrCrlfAndALastLineWithoutNewline() throws IOException {
        List<Boolean> tooLong = new ArrayList<>();
        assertThat(lines("a\r\nbé\n\nlast".getBytes(StandardCharsets.UTF_8), 10, tooLong))
                .containsExactly("a", "bé", "", "last");
        assertThat(tooLong).containsOnly(false);
        assertThat(lines(new byte[0], 10, tooLong)).isEmpty();
    }

    @Test
    void aLongLineIsCutAndFlaggedWithoutHoldingIt() throws IOException {
        // a line far longer than the reader's buffer: only the limit is kept
        byte[] huge = ("x".repeat(300_000) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
        List<Boolean> tooLong = new ArrayList<>();
        List<String> lines = lines(huge, 100, tooLong);
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).hasSize(100);
        assertThat(lines.get(1)).isEqualTo("next");
        assertThat(tooLong).containsExactly(true, false);
        // exactly the limit is not too long, also with a CR before the newline
        assertThat(lines("12345\r\n123456\n".getBytes(StandardCharsets.US_ASCII), 5, tooLong = new ArrayList<>()))
                .containsExactly("12345", "12345");
        assertThat(tooLong).containsExactly(false, true);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLine() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'b', (byte) 0xff, 'd', '\n'};
        try (BoundedLineReader in = new BoundedLineReader(new ByteArrayInputStream(bytes), 100)) {
            assertThat(in.readLine()).isEqualTo("ok");
            assertThatThrownBy(in::readLine).isInstanceOf(CharacterCodingException.class);
        }
    }
}
