package io.kensa.image.tar;

import java.nio.charset.StandardCharsets;

/** The PAX extended header records Kensa uses: path, linkpath and size. */
record PaxHeaders(String path, String linkPath, long size) {

    /** Parses {@code "<len> <key>=<value>\n"} records; the data is already bounded by the caller. */
    static PaxHeaders parse(byte[] data, long offset) throws TarFormatException {
        String path = null;
        String linkPath = null;
        long size = -1;
        int pos = 0;
        while (pos < data.length) {
            if (data[pos] == 0) {
                break; // trailing NUL padding written by some tools
            }
            int space = pos;
            long len = 0;
            while (space < data.length && data[space] != ' ') {
                byte b = data[space];
                if (b < '0' || b > '9' || len > data.length) {
                    throw bad(offset);
                }
                len = len * 10 + (b - '0');
                space++;
            }
            if (space >= data.length || len <= space - pos + 1 || pos + len > data.length || data[(int) (pos + len - 1)] != '\n') {
                throw bad(offset);
            }
            int end = (int) (pos + len - 1);
            int eq = space + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq >= end) {
                throw bad(offset);
            }
            String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
            String value = new String(data, eq + 1, end - eq - 1, StandardCharsets.UTF_8);
            switch (key) {
                case "path" -> path = value;
                case "linkpath" -> linkPath = value;
                case "size" -> {
                    try {
                        size = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw bad(offset);
                    }
                    if (size < 0) {
                        throw bad(offset);
                    }
                }
                default -> {
                }
            }
            pos = (int) (pos + len);
        }
        return new PaxHeaders(path, linkPath, size);
    }

    private static TarFormatException bad(long offset) {
        return new TarFormatException("malformed PAX header before offset " + offset);
    }
}
