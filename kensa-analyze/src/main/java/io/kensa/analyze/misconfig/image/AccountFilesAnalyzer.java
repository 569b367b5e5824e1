package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code /etc/passwd}, {@code /etc/shadow} and {@code /etc/group} for the account checks (DKL-LI-0001 empty
 * passwords, DKL-LI-0002 shared UIDs and GIDs) and for the root check of CIS-DI-0001 (which user names have UID 0).
 * Only derived facts are kept: user and group names and ids. A password hash never leaves this class.
 *
 * <p>Properties: {@value #EMPTY_PASSWORD} (passwd and shadow: comma-separated users whose password field is empty),
 * {@value #UID0} (passwd: users with UID 0), {@value #DUPLICATE_PREFIX}{@code <id>} (passwd: users sharing that UID;
 * group: groups sharing that GID).
 */
public final class AccountFilesAnalyzer implements Analyzer {
    public static final String ID = "accounts";
    public static final String PASSWD = "etc/passwd";
    public static final String SHADOW = "etc/shadow";
    public static final String GROUP = "etc/group";
    public static final String EMPTY_PASSWORD = "emptyPassword";
    public static final String UID0 = "uid0";
    public static final String DUPLICATE_PREFIX = "duplicate.";

    /** Largest account file read. */
    static final long MAX_BYTES = 4L << 20;
    /** Most names listed in one property, and most duplicate ids recorded. */
    static final int MAX_NAMES = 200;

    private static final Set<String> FILES = Set.of(PASSWD, SHADOW, GROUP);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return FILES.contains(path);
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return FileResult.skipped(ID, entry.path(), "over size limit");
        }
        String text = new String(entry.readAllBytes(MAX_BYTES), StandardCharsets.UTF_8);
        List<String> empty = new ArrayList<>();
        List<String> uid0 = new ArrayList<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        int malformed = 0;
        boolean shadow = entry.path().equals(SHADOW);
        boolean passwd = entry.path().equals(PASSWD);
        for (String line : text.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isBlank() || l.startsWith("#") || l.startsWith("+") || l.startsWith("-")) {
                continue; // comments and NIS compat entries
            }
            String[] f = l.split(":", -1);
            if (f.length < (shadow ? 2 : 3) || f[0].isEmpty()) {
                malformed++;
                continue;
            }
            String name = f[0];
            if ((shadow || passwd) && f[1].isEmpty()) {
                add(empty, name);
            }
            if (!shadow) {
                String id = f[2].strip();
                if (passwd && id.equals("0")) {
                    add(uid0, name);
                }
                if (!id.isEmpty() && (byId.containsKey(id) || byId.size() < 100_000)) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                }
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (!empty.isEmpty()) {
            props.put(EMPTY_PASSWORD, String.join(",", empty));
        }
        if (!uid0.isEmpty()) {
            props.put(UID0, String.join(",", uid0));
        }
        int duplicates = 0;
        for (var e : byId.entrySet()) {
            if (e.getValue().size() > 1 && duplicates++ < MAX_NAMES) {
                List<String> names = e.getValue();
                props.put(DUPLICATE_PREFIX + e.getKey(),
                        String.join(",", names.subList(0, Math.min(names.size(), MAX_NAMES))));
            }
        }
        List<String> warnings = malformed == 0 ? List.of()
                : List.of(malformed + " malformed line" + (malformed == 1 ? "" : "s") + " skipped");
        return new FileResult(ID, entry.path(), List.of(), props, warnings);
    }

    private static void add(List<String> names, String name) {
        if (names.size() < MAX_NAMES && !name.contains(",")) {
            names.add(name);
        }
    }
}
