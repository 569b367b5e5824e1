package io.kensa.image.source;

import io.kensa.core.KensaException;
import io.kensa.image.layer.PathNames;
import io.kensa.image.tar.TarEntry;
import io.kensa.image.tar.TarReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The entries of a tar archive on disk (a {@code docker save} archive or an OCI archive), indexed once by
 * reading the headers only; each entry is then read in place at its offset. Links inside the archive are
 * resolved within it (newer {@code docker save} archives link layer paths to blobs).
 */
final class TarBlobStore implements BlobStore {
    private static final int MAX_LINK_HOPS = 16;

    private record Span(long offset, long size) {
    }

    private final FileChannel channel;
    private final Map<String, Span> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    private TarBlobStore(FileChannel channel) {
        this.channel = channel;
    }

    static TarBlobStore open(Path archive, int maxHeaderBytes) throws IOException {
        FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ);
        TarBlobStore store = new TarBlobStore(channel);
        try {
            store.index(maxHeaderBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return store;
    }

    private void index(int maxHeaderBytes) throws IOException {
        InputStream in = new BufferedInputStream(new ChannelInputStream(channel, 0, channel.size()), 1 << 16);
        TarReader reader = new TarReader(in, maxHeaderBytes);
        TarEntry e;
        int count = 0;
        while ((e = reader.next()) != null) {
            if (++count > 1_000_000) {
                throw new KensaException("archive has more than 1,000,000 entries: not an image archive");
            }
            String name = PathNames.normalize(e.name());
            if (name == null || name.isEmpty()) {
                continue;
            }
            switch (e.type()) {
                case FILE -> {
                    if (e.dataOffset() + e.size() > channel.size()) {
                        throw new KensaException("archive is truncated: entry " + name + " extends past the end of the file");
                    }
                    files.put(name, new Span(e.dataOffset(), e.size()));
                }
                case SYMLINK -> links.put(name, PathNames.resolveLink(name, e.linkName()));
                case HARDLINK -> {
                    String target = PathNames.normalize(e.linkName());
                    if (target != null) {
                        links.put(name, target);
                    }
                }
                default -> {
                }
            }
        }
    }

    private Span find(String path) {
        String p = PathNames.normalize(path);
        for (int hop = 0; p != null && hop < MAX_LINK_HOPS; hop++) {
            Span s = files.get(p);
            if (s != null) {
                return s;
            }
            p = links.get(p);
        }
        return null;
    }

    @Override
    public boolean exists(String path) {
        return find(path) != null;
    }

    @Override
    public long size(String path) throws IOException {
        Span s = find(path);
        if (s == null) {
            throw new NoSuchFileException(path);
        }
        return s.size();
    }

    @Override
    public InputStream open(String path) throws IOException {
        Span s = find(path);
        if (s == null) {
            throw new NoSuchFileException(path);
        }
        return new ChannelInputStream(channel, s.offset(), s.size());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads a span of a file channel with positional reads, so several spans can be read at once. */
    static final class ChannelInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        ChannelInputStream(FileChannel channel, long offset, long size) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int want = (int) Math.min(len, end - position);
            int n = channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n < 0) {
                return -1;
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, end - position));
            position += s;
            return s;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
