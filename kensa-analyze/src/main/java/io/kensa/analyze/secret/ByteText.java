package io.kensa.analyze.secret;

import java.nio.charset.StandardCharsets;

/**
 * A file's bytes seen as characters, one per byte (ISO-8859-1), without copying: regexes run on it directly, and
 * offsets in it are offsets in the file. Rules are written for ASCII, which this maps exactly.
 */
final class ByteText implements CharSequence {
    private final byte[] data;
    private final int length;

    ByteText(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (data[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    String substring(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException(start + ".." + end);
        }
        return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return substring(0, length);
    }
}
