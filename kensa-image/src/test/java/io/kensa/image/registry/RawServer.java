package io.kensa.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 for transport failures an HTTP server cannot produce: each accepted connection
 * (numbered from 1) goes to a {@link ConnectionHandler}; {@link #pipeTo} relays a connection to a real server.
 */
public final class RawServer implements AutoCloseable {

    /** Handles one accepted connection. */
    @FunctionalInterface
    public interface ConnectionHandler {
        void handle(RawServer server, Socket socket, int number) throws IOException;
    }

    private final ServerSocket socket;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private RawServer(ConnectionHandler handler) throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s);
                    int n = accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try {
                            handler.handle(this, s, n);
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public static RawServer start(ConnectionHandler handler) {
        try {
            return new RawServer(handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String host() {
        return "127.0.0.1:" + port();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Reads the request head (up to the blank line) so the client sees its request consumed. */
    public static void readRequestHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
    }

    /** Closes the connection with a TCP reset. */
    public static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** Relays the connection byte for byte to {@code port} on 127.0.0.1, both ways. */
    public void pipeTo(Socket client, int port) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
        open.add(upstream);
        Thread up = Thread.ofVirtual().start(() -> copy(client, upstream));
        copy(upstream, client);
        try {
            up.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        acceptor.interrupt();
    }
}
