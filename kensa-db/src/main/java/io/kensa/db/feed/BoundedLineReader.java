package io.kensa.db.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line (LF or CRLF) without ever holding more than {@code maxLine} bytes of a line: the
 * rest of a longer line is read and dropped, and the line is reported as too long. Each line is decoded on its own
 * and strictly, so bytes that are not UTF-8 are reported at their line. A feed file is then never a way to exhaust
 * memory, whatever its shape.
 */
public final class BoundedLineReader implements AutoCloseable {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int end;
    private boolean tooLong;

    public BoundedLineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * The next line without its terminator, null at the end; a line over the limit is cut to it.
     *
     * @throws CharacterCodingException when the line is not UTF-8
     */
    public String readLine() throws IOException {
        line.reset();
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? decode() : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            append(start, pos);
            if (pos < end) {
                pos++; // the newline
                return decode();
            }
        }
    }

    private void append(int from, int to) {
        int room = maxLine + 1 - line.size();
        int n = Math.min(room, to - from);
        if (n > 0) {
            line.write(buffer, from, n);
        }
        if (to - from > n) {
            tooLong = true;
        }
    }

    private String decode() throws CharacterCodingException {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        if (n > maxLine) {
            tooLong = true;
            n = maxLine;
        }
        if (tooLong) { // a cut line may end inside a character: its text is not looked at anyway
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        }
        return utf8.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
    }

    /** Whether the last line read was longer than the limit (and so was cut). */
    public boolean lastLineTooLong() {
        return tooLong;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
