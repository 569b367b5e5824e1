package io.kensa.analyze.pkg.rpm.ndb;

/**
 * One 16-byte slot of an NDB {@code Packages.db}: magic {@code Slot}, then little-endian package index, blob
 * offset and blob size, both in 16-byte blocks. A package index of 0 marks a free slot.
 *
 * @param number      slot number in the file (slots 0 and 1 hold the file header)
 * @param pkgIdx      package index (rpm's header instance number)
 * @param blockOffset first block of the blob
 * @param blockCount  blocks the blob occupies, header and tail included
 */
record NdbSlot(long number, long pkgIdx, long blockOffset, long blockCount) {
    boolean free() {
        return pkgIdx == 0;
    }
}
