package io.kensa.analyze.pkg.rpm.header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Every element of a STRING_ARRAY {@code tag}; empty when the tag is absent. Each element must end with a NUL
     * inside the data store, so the elements together never exceed it.
     */
    public List<String> stringArray(int tag) throws MalformedHeaderException {
        IndexEntry e = entries.get(tag);
        if (e == null) {
            return List.of();
        }
        if (e.type() != RpmTagType.STRING_ARRAY) {
            throw new MalformedHeaderException("tag " + tag + " has type " + e.type() + ", expected 8 (STRING_ARRAY)");
        }
        int count = e.count();
        List<String> out = new ArrayList<>(Math.min(count, 1024));
        int at = dataStart + e.offset();
        int end = dataStart + dataLength;
        for (int n = 0; n < count; n++) {
            int start = at;
            while (at < end && blob[at] != 0) {
                at++;
            }
            if (at >= end) {
                throw new MalformedHeaderException("tag " + tag + ": element " + n + " of " + count
                        + " is not NUL-terminated within the data store");
            }
            out.add(new String(blob, start, at - start, StandardCharsets.UTF_8));
            at++;
        }
        return out;
    }

    /** Every element of an INT32 array {@code tag}, as stored (signed); empty when the tag is absent. */
    public int[] int32Array(int tag) throws MalformedHeaderException {
        IndexEntry e = entries.get(tag);
        if (e == null) {
            return new int[0];
        }
        if (e.type() != RpmTagType.INT32) {
            throw new MalformedHeaderException("tag " + tag + " has type " + e.type() + ", expected 4 (INT32)");
        }
        int at = arrayStart(tag, e, 4);
        int[] out = new int[e.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = BigEndian.int32(blob, at + 4 * i);
        }
        return out;
    }

    /** Every element of an INT16 array {@code tag}, as unsigned values; empty when the tag is absent. */
    public int[] uint16Array(int tag) throws MalformedHeaderException {
        IndexEntry e = entries.get(tag);
        if (e == null) {
            return new int[0];
        }
        if (e.type() != RpmTagType.INT16) {
            throw new MalformedHeaderException("tag " + tag + " has type " + e.type() + ", expected 3 (INT16)");
        }
        int at = arrayStart(tag, e, 2);
        int[] out = new int[e.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (blob[at + 2 * i] & 0xff) << 8 | (blob[at + 2 * i + 1] & 0xff);
        }
        return out;
    }

    /** Where the {@code width}-byte elements of {@code e} start in the blob, after checking they fit the store. */
    private int arrayStart(int tag, IndexEntry e, int width) throws MalformedHeaderException {
        if ((long) e.offset() + (long) width * Integer.toUnsignedLong(e.count()) > dataLength) {
            throw new MalformedHeaderException("tag " + tag + ": " + Integer.toUnsignedString(e.count())
                    + " elements of " + width + " bytes at offset " + e.offset() + " run past the data store of "
                    + dataLength + " bytes");
        }
        return dataStart + e.offset();
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
