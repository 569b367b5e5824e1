package io.kensa.image.registry;

import io.kensa.core.KensaException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;

/** Classifies transport failures: which are worth a retry, and the one line a user reads for each. */
final class TransportErrors {
    private TransportErrors() {
    }

    /** Dropped connections and response timeouts are retried; refused connections, DNS and TLS failures are not. */
    static boolean isRetryable(IOException e) {
        return !(e instanceof HttpConnectTimeoutException || e instanceof InterruptedIOException && !(e instanceof HttpTimeoutException)
                || has(e, ConnectException.class) || has(e, UnknownHostException.class)
                || has(e, UnresolvedAddressException.class) || has(e, NoRouteToHostException.class)
                || has(e, SSLException.class));
    }

    /**
     * The one-line error for a transport failure with {@code uri}; {@code doing} says what was under way, e.g.
     * "fetching the manifest of host/repo:tag".
     */
    static KensaException describe(IOException e, URI uri, String doing, ClientSettings settings, int attempts) {
        String host = uri.getAuthority();
        String tail = " while " + doing + (attempts > 1 ? " (gave up after " + attempts + " attempts)" : "");
        String message;
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            message = "cannot resolve host " + uri.getHost() + " (DNS lookup failed)";
        } else if (e instanceof HttpConnectTimeoutException) {
            message = "timed out after " + settings.connectTimeout().toSeconds() + " s connecting to " + host;
        } else if (has(e, NoRouteToHostException.class)) {
            message = "cannot connect to " + host + " (no route to host)";
        } else if (has(e, ConnectException.class)) {
            message = "cannot connect to " + host + " (" + refusedOr(e) + ")";
        } else if (has(e, SSLException.class)) {
            message = "TLS failure with " + host + ": " + tlsReason(e);
        } else if (e instanceof HttpTimeoutException) {
            message = e.getMessage() != null && e.getMessage().contains("no data received")
                    ? host + " stalled: " + e.getMessage()
                    : "no response from " + host + " within " + settings.responseTimeout().toSeconds() + " s";
        } else {
            message = "connection to " + host + " failed (" + reason(e) + ")";
        }
        return new KensaException(message + tail, e);
    }

    /** The JDK's HttpClient reports a refused connection as a ConnectException without a message. */
    private static String refusedOr(IOException e) {
        String m = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                m = t.getMessage();
            }
        }
        return m == null || m.toLowerCase(java.util.Locale.ROOT).contains("refused") ? "connection refused" : clipReason(m);
    }

    private static String tlsReason(IOException e) {
        String all = chainMessages(e);
        if (all.contains("Unsupported or unrecognized SSL message") || all.contains("plaintext connection")) {
            return "the server does not speak TLS (a plain-HTTP registry needs --insecure)";
        }
        if (has(e, CertificateException.class) || all.contains("PKIX") || all.contains("certificate")) {
            return "the server's certificate is not trusted or does not match (" + clipReason(lastMessage(e)) + ")";
        }
        if (e instanceof SSLHandshakeException) {
            return "handshake failed (" + clipReason(lastMessage(e)) + ")";
        }
        return clipReason(lastMessage(e));
    }

    private static String reason(Throwable e) {
        String m = lastMessage(e);
        return clipReason(m);
    }

    private static String lastMessage(Throwable e) {
        String m = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                m = t.getMessage();
            }
        }
        return m != null ? m : e.getClass().getSimpleName();
    }

    private static String chainMessages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(' ');
        }
        return b.toString();
    }

    private static String clipReason(String m) {
        String one = m.replace('\n', ' ').replace('\r', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
