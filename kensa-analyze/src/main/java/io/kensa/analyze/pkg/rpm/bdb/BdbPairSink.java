package io.kensa.analyze.pkg.rpm.bdb;

import java.io.IOException;

/** Receives the key/data pairs of a BerkeleyDB hash database; a key with duplicates arrives once per value. */
@FunctionalInterface
public interface BdbPairSink {
    void pair(byte[] key, byte[] value) throws IOException;
}
