package io.kensa.image.tar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streaming reader of tar archives (ustar, GNU and PAX dialects) built for hostile input: every
 * extension header (PAX records, GNU long names) is bounded by {@code maxHeaderBytes} before any memory is
 * allocated for it, every header's checksum is verified, and truncation is reported as an error rather than
 * read as a short archive. Entry data is never buffered: callers read it through {@link #content()} or it is
 * skipped. Written by hand because the general-purpose readers buffer long names and PAX headers without a
 * bound and this loop is the hottest path of a scan.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private final InputStream in;
    private final int maxHeaderBytes;
    private final byte[] header = new byte[BLOCK];
    private long position;
    private long remaining;
    private long padding;
    private boolean finished;
    private EntryStream current;

    public TarReader(InputStream in, int maxHeaderBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Offset in the stream of the next byte to be read. */
    public long position() {
        return position;
    }

    /** The next entry, skipping whatever is left of the current one; null at the end of the archive. */
    public TarEntry next() throws IOException {
        if (finished) {
            return null;
        }
        skipRest();
        String longName = null;
        String longLink = null;
        PaxHeaders pax = null;
        while (true) {
            if (!readHeaderBlock()) {
                finished = true;
                return null;
            }
            char typeFlag = (char) header[156];
            long size = parseNumber(header, 124, 12, "size");
            if (size < 0) {
                throw new TarFormatException("negative entry size at offset " + (position - BLOCK));
            }
            switch (typeFlag) {
                case 'L' -> longName = cString(readExtension(size, "GNU long name"));
                case 'K' -> longLink = cString(readExtension(size, "GNU long link name"));
                case 'x' -> pax = PaxHeaders.parse(readExtension(size, "PAX header"), position);
                case 'g' -> PaxHeaders.parse(readExtension(size, "PAX global header"), position);
                default -> {
                    return entry(typeFlag, size, longName, longLink, pax);
                }
            }
        }
    }

    /** The data of the current entry; reading past its end returns -1. Valid until {@link #next()}. */
    public InputStream content() {
        if (current == null) {
            throw new IllegalStateException("no current entry");
        }
        return current;
    }

    private TarEntry entry(char typeFlag, long headerSize, String longName, String longLink, PaxHeaders pax)
            throws IOException {
        String name = longName != null ? longName : headerName();
        String link = longLink != null ? longLink : cString(header, 157, 100);
        long size = headerSize;
        if (pax != null) {
            name = pax.path() != null ? pax.path() : name;
            link = pax.linkPath() != null ? pax.linkPath() : link;
            size = pax.size() >= 0 ? pax.size() : size;
        }
        TarEntry.Type type = switch (typeFlag) {
            case '0', '\0', '7' -> TarEntry.Type.FILE;
            case '1' -> TarEntry.Type.HARDLINK;
            case '2' -> TarEntry.Type.SYMLINK;
            case '5' -> TarEntry.Type.DIRECTORY;
            default -> TarEntry.Type.OTHER;
        };
        if (type == TarEntry.Type.FILE && name.endsWith("/") && typeFlag == '\0') {
            type = TarEntry.Type.DIRECTORY;
        }
        // Links, directories, devices and FIFOs carry no data even if a size is recorded: trust the size only for
        // types that have data, exactly as Go's archive/tar (which container runtimes unpack layers with) does.
        // Skipping a FIFO's "data" would hide from the scan the entries a runtime unpacks from those bytes.
        boolean headerOnly = typeFlag == '3' || typeFlag == '4' || typeFlag == '6';
        long dataSize = switch (type) {
            case FILE -> size;
            case OTHER -> headerOnly ? 0 : size;
            default -> 0;
        };
        int mode = (int) (parseNumber(header, 100, 8, "mode") & 07777);
        remaining = dataSize;
        padding = (BLOCK - (dataSize % BLOCK)) % BLOCK;
        current = new EntryStream();
        return new TarEntry(name, type, dataSize, mode,
                type == TarEntry.Type.SYMLINK || type == TarEntry.Type.HARDLINK ? link : null, position);
    }

    private String headerName() {
        String name = cString(header, 0, 100);
        boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (posix && header[345] != 0) {
            return cString(header, 345, 155) + "/" + name;
        }
        return name;
    }

    /** Reads the next header block; false at a proper end of archive (zero block or clean EOF). */
    private boolean readHeaderBlock() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new TarFormatException("truncated tar header at offset " + position);
        }
        position += BLOCK;
        if (isZero(header)) {
            return false;
        }
        verifyChecksum();
        return true;
    }

    private void verifyChecksum() throws TarFormatException {
        long recorded = parseNumber(header, 148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (recorded != unsigned && recorded != signed) {
            throw new TarFormatException("tar header checksum mismatch at offset " + (position - BLOCK)
                    + " (not a tar archive or corrupt)");
        }
    }

    private byte[] readExtension(long size, String what) throws IOException {
        if (size > maxHeaderBytes) {
            throw new TarFormatException(what + " of " + size + " bytes at offset " + (position - BLOCK)
                    + " exceeds the limit of " + maxHeaderBytes + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new TarFormatException("truncated " + what + " at offset " + position);
        }
        position += size;
        long pad = (BLOCK - (size % BLOCK)) % BLOCK;
        skipExactly(pad);
        return data;
    }

    private void skipRest() throws IOException {
        if (current != null) {
            skipExactly(remaining + padding);
            remaining = 0;
            padding = 0;
            current = null;
        }
    }

    private void skipExactly(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new TarFormatException("truncated tar entry at offset " + position);
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    static long parseNumber(byte[] buf, int offset, int length, String field) throws TarFormatException {
        if ((buf[offset] & 0x80) != 0) {
            // GNU base-256: big-endian two's complement in the remaining bytes
            if (length > 9 && (buf[offset] & 0x7f) != 0 || hasHighBits(buf, offset + 1, length - 9)) {
                throw new TarFormatException("tar " + field + " field too large");
            }
            long value = 0;
            for (int i = Math.max(offset + 1, offset + length - 8); i < offset + length; i++) {
                value = (value << 8) | (buf[i] & 0xff);
            }
            if (value < 0) {
                throw new TarFormatException("tar " + field + " field too large");
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (buf[i] == ' ' || buf[i] == 0)) {
            i++;
        }
        boolean any = false;
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new TarFormatException("invalid octal digit in tar " + field + " field");
            }
            value = (value << 3) + (b - '0');
            any = true;
            if (value > (1L << 60)) {
                throw new TarFormatException("tar " + field + " field too large");
            }
        }
        return any ? value : 0;
    }

    private static boolean hasHighBits(byte[] buf, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buf[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] buf, int offset, int length) {
        int end = offset;
        while (end < offset + length && buf[end] != 0) {
            end++;
        }
        return new String(buf, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] data) {
        return cString(data, 0, data.length);
    }

    /** The data of the current entry. */
    private final class EntryStream extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new TarFormatException("truncated tar entry data at offset " + position);
            }
            remaining--;
            position++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new TarFormatException("truncated tar entry data at offset " + position);
            }
            remaining -= n;
            position += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long want = Math.min(n, remaining);
            long left = want;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new TarFormatException("truncated tar entry data at offset " + position);
                    }
                    s = 1;
                }
                left -= s;
                remaining -= s;
                position += s;
            }
            return want;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, Math.min(remaining, in.available()));
        }
    }
}
