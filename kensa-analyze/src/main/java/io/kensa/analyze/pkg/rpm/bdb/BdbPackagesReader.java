package io.kensa.analyze.pkg.rpm.bdb;

import io.kensa.analyze.pkg.rpm.HeaderBlobSink;
import io.kensa.analyze.pkg.rpm.RpmDbReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads rpm's BerkeleyDB {@code Packages} database (rpm up to 4.15: RHEL/CentOS 5–8, Amazon Linux 2, older
 * Fedora and SUSE). Keys are 4-byte header instance numbers in the writer's byte order, values header blobs.
 * Instance 0 holds rpm's bookkeeping (the last instance used), not a header, and is skipped.
 */
public final class BdbPackagesReader implements RpmDbReader {

    @Override
    public void read(Path db, HeaderBlobSink sink) throws IOException {
        try (BdbHashFile file = BdbHashFile.open(db)) {
            ByteOrder order = file.meta().order();
            file.read((key, value) -> {
                if (key.length != 4) {
                    sink.skipped(-1, "record with a " + key.length + "-byte key, expected a 4-byte instance number");
                    return;
                }
                long instance = Integer.toUnsignedLong(ByteBuffer.wrap(key).order(order).getInt());
                if (instance != 0) {
                    sink.header(instance, value);
                }
            });
        }
    }
}
