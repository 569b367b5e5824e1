package io.kensa.analyze.pkg.rpm;

import io.kensa.analyze.pkg.rpm.header.RpmTag;
import io.kensa.analyze.pkg.rpm.header.RpmTagType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes rpm header blobs the way rpm stores them in its database: an immutable region (tag 63, its trailer at
 * the end of the region's data) holding the package's entries sorted by tag, optionally followed by "dribble"
 * entries outside the region.
 */
final class HeaderBlobBuilder {
    private record Item(int tag, int type, int count, byte[] data) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<Item> dribbles = new ArrayList<>();

    HeaderBlobBuilder string(int tag, String value) {
        items.add(new Item(tag, RpmTagType.STRING, 1, cstring(value)));
        return this;
    }

    HeaderBlobBuilder i18n(int tag, String... values) {
        items.add(new Item(tag, RpmTagType.I18NSTRING, values.length, cstrings(values)));
        return this;
    }

    HeaderBlobBuilder stringArray(int tag, String... values) {
        items.add(new Item(tag, RpmTagType.STRING_ARRAY, values.length, cstrings(values)));
        return this;
    }

    HeaderBlobBuilder int32(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        items.add(new Item(tag, RpmTagType.INT32, values.length, b.array()));
        return this;
    }

    HeaderBlobBuilder int16(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        items.add(new Item(tag, RpmTagType.INT16, values.length, b.array()));
        return this;
    }

    /** An entry outside the region, as rpm adds at install time; it replaces a region entry with the same tag. */
    HeaderBlobBuilder dribbleString(int tag, String value) {
        dribbles.add(new Item(tag, RpmTagType.STRING, 1, cstring(value)));
        return this;
    }

    /** A typical installed package header. */
    static HeaderBlobBuilder pkg(String name, String version, String release) {
        return new HeaderBlobBuilder().string(RpmTag.NAME, name).string(RpmTag.VERSION, version)
                .string(RpmTag.RELEASE, release).i18n(1004, "summary of " + name).string(RpmTag.ARCH, "x86_64");
    }

    byte[] build() {
        List<Item> region = items.stream().sorted(Comparator.comparingInt(Item::tag)).toList();
        int il = 1 + region.size() + dribbles.size();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<int[]> index = new ArrayList<>();
        for (Item item : region) {
            index.add(place(item, data));
        }
        int trailerOffset = data.size(); // rpm puts the trailer right after the region's data, unaligned
        ByteBuffer trailer = ByteBuffer.allocate(16).putInt(RpmTag.HEADERIMMUTABLE).putInt(RpmTagType.BIN)
                .putInt(-16 * (1 + region.size())).putInt(16);
        data.writeBytes(trailer.array());
        for (Item item : dribbles) {
            index.add(place(item, data));
        }
        ByteBuffer blob = ByteBuffer.allocate(8 + 16 * il + data.size());
        blob.putInt(il).putInt(data.size());
        blob.putInt(RpmTag.HEADERIMMUTABLE).putInt(RpmTagType.BIN).putInt(trailerOffset).putInt(16);
        for (int[] e : index) {
            blob.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
        }
        blob.put(data.toByteArray());
        return blob.array();
    }

    private static int[] place(Item item, ByteArrayOutputStream data) {
        if (item.type() == RpmTagType.INT32) {
            align(data, 4);
        } else if (item.type() == RpmTagType.INT16) {
            align(data, 2);
        }
        int offset = data.size();
        data.writeBytes(item.data());
        return new int[] {item.tag(), item.type(), offset, item.count()};
    }

    private static void align(ByteArrayOutputStream data, int alignment) {
        while (data.size() % alignment != 0) {
            data.write(0);
        }
    }

    private static byte[] cstring(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cstrings(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            out.writeBytes(cstring(v));
        }
        return out.toByteArray();
    }

    /** A blob with an arbitrary preamble, index and data, for hostile-input tests. */
    static byte[] raw(int il, int dl, int[][] entries, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 * entries.length + data.length);
        b.putInt(il).putInt(dl);
        for (int[] e : entries) {
            b.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
        }
        return b.put(data).array();
    }
}
