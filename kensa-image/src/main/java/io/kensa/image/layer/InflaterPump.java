package io.kensa.image.layer;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decompresses a layer on its own thread, so that inflating (and hashing the compressed bytes) runs beside
 * hashing and parsing the tar: the same two-core pipeline as {@code gzip -dc | sha256sum}. Chunks travel over a
 * small bounded queue; a failure on the pump's side is handed to the reader with the next chunk.
 */
final class InflaterPump implements Runnable {
    private static final int CHUNK = 256 * 1024;
    private static final int QUEUE = 4;

    /** One piece of output: data, the end, or a failure. */
    record Chunk(byte[] data, int length, Throwable failure) {
        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private final InputStream decompressed;
    private final Runnable atEnd;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param decompressed the decompressing stream, read only by the pump thread
     * @param atEnd        run on the pump thread after the end of the data (drains and hashes the raw blob)
     */
    InflaterPump(InputStream decompressed, Runnable atEnd) {
        this.decompressed = decompressed;
        this.atEnd = atEnd;
        this.thread = Thread.ofPlatform().daemon().name("kensa-inflate").unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                byte[] buf = new byte[CHUNK];
                int n = fill(buf);
                if (n > 0) {
                    hand(new Chunk(buf, n, null));
                }
                if (n < buf.length) {
                    break;
                }
            }
            if (!stopped) {
                atEnd.run();
                hand(Chunk.END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                hand(new Chunk(null, -1, t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Puts a chunk on the queue, giving up once the reader has stopped the pump. */
    private void hand(Chunk chunk) throws InterruptedException {
        while (!stopped) {
            if (queue.offer(chunk, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private int fill(byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length && !stopped) {
            int n = decompressed.read(buf, off, buf.length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    /** The next chunk; blocks while the pump works. */
    Chunk take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a layer");
        }
    }

    /**
     * Stops the pump: its thread ends after the read in progress. It is not interrupted, because an interrupt
     * during a read of a {@link java.nio.channels.FileChannel} closes the channel, which the layers of one archive
     * share: one failing layer would make the others fail too.
     */
    void stop() {
        stopped = true;
        queue.clear();
    }
}
