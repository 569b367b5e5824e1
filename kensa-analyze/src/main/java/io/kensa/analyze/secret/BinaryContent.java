package io.kensa.analyze.secret;

/**
 * Whether a file is binary, from its first bytes: a NUL byte (text never has one; executables, archives,
 * compressed and database files all do within their first kilobytes), or the magic number of a compressed or
 * image format that might by chance have none in a short file.
 */
final class BinaryContent {
    /** How much of the start of a file is looked at. */
    static final int HEAD = 8192;

    private static final byte[][] MAGIC = {
            {0x1f, (byte) 0x8b},                        // gzip
            {'B', 'Z', 'h'},                            // bzip2
            {(byte) 0xfd, '7', 'z', 'X', 'Z'},          // xz
            {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd},     // zstd
            {'P', 'K', 0x03, 0x04},                     // zip, jar
            {0x7f, 'E', 'L', 'F'},                      // ELF
            {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}, // Java class, Mach-O fat
            {(byte) 0x89, 'P', 'N', 'G'},               // PNG
            {(byte) 0xff, (byte) 0xd8, (byte) 0xff},    // JPEG
            {'G', 'I', 'F', '8'},                       // GIF
            {'7', 'z', (byte) 0xbc, (byte) 0xaf},       // 7z
    };

    private BinaryContent() {
    }

    /** Whether {@code head[0, length)}, the start of a file, shows a binary file. */
    static boolean isBinary(byte[] head, int length) {
        for (byte[] magic : MAGIC) {
            if (startsWith(head, length, magic)) {
                return true;
            }
        }
        int n = Math.min(length, HEAD);
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] data, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
