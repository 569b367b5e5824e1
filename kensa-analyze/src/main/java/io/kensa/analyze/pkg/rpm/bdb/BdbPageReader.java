package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.PositionalReads;
import io.kensa.analyze.pkg.rpm.RpmDbFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads pages 1..lastPage of a BerkeleyDB file by number; any other page number is a format error. */
final class BdbPageReader {
    private final FileChannel ch;
    private final BdbMeta meta;

    BdbPageReader(FileChannel ch, BdbMeta meta) {
        this.ch = ch;
        this.meta = meta;
    }

    BdbMeta meta() {
        return meta;
    }

    BdbPage read(long number) throws IOException {
        if (number < 1 || number > meta.lastPage()) {
            throw new RpmDbFormatException("page number " + number + " outside the database's pages 1.."
                    + meta.lastPage());
        }
        ByteBuffer b = ByteBuffer.allocate(meta.pageSize()).order(meta.order());
        PositionalReads.readFully(ch, b, number * meta.pageSize());
        return new BdbPage(number, b, meta.pageHeaderSize());
    }
}
