package io.kensa.analyze.pkg.rpm.header;

/**
 * One 16-byte entry of an rpm header index, as stored (big-endian) in the blob.
 *
 * @param tag    tag number, see {@link RpmTag}
 * @param type   data type, see {@link RpmTagType}
 * @param offset offset of the value in the header's data store
 * @param count  number of elements (unsigned in the format; always checked to be in range here)
 */
public record IndexEntry(int tag, int type, int offset, int count) {
}
