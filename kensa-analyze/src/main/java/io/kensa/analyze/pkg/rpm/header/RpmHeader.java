package io.kensa.analyze.pkg.rpm.header;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A parsed rpm header: its index (one entry per tag, region entries excluded) over the original blob. Values are
 * decoded on request and bounded by the data store, so a damaged entry only fails the tag that is asked for.
 * Create one with {@link HeaderParser#parse(byte[])}.
 */
public final class RpmHeader {
    private final byte[] blob;
    private final int dataStart;
    private final int dataLength;
    private final Map<Integer, IndexEntry> entries;

    RpmHeader(byte[] blob, int dataStart, int dataLength, Map<Integer, IndexEntry> entries) {
        this.blob = blob;
        this.dataStart = dataStart;
        this.dataLength = dataLength;
        this.entries = Map.copyOf(entries);
    }

    /** The tags present, region tags excluded. */
    public Set<Integer> tags() {
        return entries.keySet();
    }

    /** The index entry of {@code tag}, if present. */
    public Optional<IndexEntry> entry(int tag) {
        return Optional.ofNullable(entries.get(tag));
    }

    /**
     * The string value of {@code tag}: a STRING, or the first element of a STRING_ARRAY or I18NSTRING (the
     * untranslated text). Empty when the tag is absent.
     */
    public Optional<String> string(int tag) throws MalformedHeaderException {
        IndexEntry e = entries.get(tag);
        if (e == null) {
            return Optional.empty();
        }
        switch (e.type()) {
            case RpmTagType.STRING -> {
                if (e.count() != 1) {
                    throw new MalformedHeaderException("tag " + tag + ": STRING with count "
                            + Integer.toUnsignedString(e.count()) + ", expected 1");
                }
            }
            case RpmTagType.STRING_ARRAY, RpmTagType.I18NSTRING -> {
                // first element only; the count was checked at parse time
            }
            default -> throw new MalformedHeaderException("tag " + tag + " has type " + e.type()
                    + ", expected a string type");
        }
        int start = dataStart + e.offset();
        int end = dataStart + dataLength;
        for (int i = start; i < end; i++) {
            if (blob[i] == 0) {
                return Optional.of(new String(blob, start, i - start, StandardCharsets.UTF_8));
            }
        }
        throw new MalformedHeaderException("tag " + tag + ": string at offset " + e.offset()
                + " is not NUL-terminated within the data store");
    }

    /** The first element of an INT32 {@code tag}, as an unsigned value. Empty when the tag is absent. */
    public OptionalLong uint32(int tag) throws MalformedHeaderException {
        IndexEntry e = entries.get(tag);
        if (e == null) {
            return OptionalLong.empty();
        }
        if (e.type() != RpmTagType.INT32) {
            throw new MalformedHeaderException("tag " + tag + " has type " + e.type() + ", expected 4 (INT32)");
        }
        if ((long) e.offset() + 4 > dataLength) {
            throw new MalformedHeaderException("tag " + tag + ": INT32 at offset " + e.offset()
                    + " runs past the data store of " + dataLength + " bytes");
        }
        return OptionalLong.of(Integer.toUnsignedLong(BigEndian.int32(blob, dataStart + e.offset())));
    }
}
