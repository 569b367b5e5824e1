package io.kensa.analyze.secret;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Scans every regular file of every layer for credentials, where the file lies (links are not followed: the file
 * they point to is scanned in its own place). Files that the allow rules exclude by path (documentation, locales,
 * binary formats by extension) are not read; binary files (a NUL byte or a binary magic number at the start) and
 * files over the size limit are skipped and counted. Results hold only masked excerpts.
 */
public final class SecretAnalyzer implements Analyzer {
    public static final String ID = "secret";
    /** Files larger than this are skipped, by default. */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L << 20;
    static final String BINARY = "binary";
    static final String OVER_SIZE_LIMIT = "over size limit";
    /** Bump when this class's output for the same bytes and rules changes. */
    private static final int VERSION = 1;

    private final SecretRuleSet rules;
    private final SecretScanner scanner;
    private final long maxFileSize;

    public SecretAnalyzer(SecretRuleSet rules) {
        this(rules, DEFAULT_MAX_FILE_SIZE);
    }

    /** @param maxFileSize files larger than this many bytes are skipped (at most 1 GiB) */
    public SecretAnalyzer(SecretRuleSet rules, long maxFileSize) {
        if (maxFileSize < 0 || maxFileSize > (1L << 30)) {
            throw new IllegalArgumentException("secret scan file size limit must be between 0 and 1 GiB");
        }
        this.rules = rules;
        this.scanner = rules.scanner();
        this.maxFileSize = maxFileSize;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Changes with the rule set, the size limit and this analyzer's logic: cached layers are scanned again. */
    @Override
    public int version() {
        return 31 * (31 * VERSION + rules.fingerprint()) + Long.hashCode(maxFileSize);
    }

    @Override
    public boolean wants(String path) {
        return !scanner.skipsPath(path);
    }

    @Override
    public boolean followsLinks() {
        return false;
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        long size = entry.size();
        if (size == 0) {
            return null;
        }
        if (size > maxFileSize) {
            return FileResult.skipped(ID, entry.path(), OVER_SIZE_LIMIT);
        }
        byte[] data = new byte[(int) size];
        int n;
        try (InputStream in = entry.open()) {
            n = in.readNBytes(data, 0, (int) Math.min(size, BinaryContent.HEAD));
            if (BinaryContent.isBinary(data, n)) {
                return FileResult.skipped(ID, entry.path(), BINARY);
            }
            if (n < size) {
                n += in.readNBytes(data, n, (int) size - n);
            }
        }
        List<SecretMatch> found = scanner.scan(entry.path(), data, n);
        return found.isEmpty() ? null : FileResult.ofSecrets(ID, entry.path(), found);
    }
}
