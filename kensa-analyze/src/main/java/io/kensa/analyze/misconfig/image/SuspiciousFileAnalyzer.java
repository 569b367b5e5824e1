package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.util.Map;
import java.util.Set;

/**
 * Notes files that should not be in an image, by their names alone (no content is read):
 * <ul>
 *   <li>{@value #CREDENTIAL}: credential files (CIS-DI-0010), Dockle's list of names ({@code credentials},
 *       {@code id_rsa}, {@code database.yml} …) and extensions ({@code .ovpn}, {@code .jks}, {@code .keychain} …),
 *       plus {@code .git-credentials} and {@code .docker/config.json};</li>
 *   <li>{@value #UNNECESSARY_FILE}: build and editor files (DKL-LI-0003: {@code Dockerfile},
 *       {@code docker-compose.yml}, {@code .vimrc}, {@code .DS_Store}, shell histories);</li>
 *   <li>{@value #UNNECESSARY_DIR}: a file directly inside a cache, temporary, version-control or editor directory
 *       ({@code .cache}, {@code tmp}, {@code .git}, {@code .svn}, {@code .hg}, {@code .vscode}, {@code .idea},
 *       {@code .npm}), reported once per directory.</li>
 * </ul>
 * Files inside package trees the image's owner does not write ({@code node_modules}, {@code vendor},
 * {@code site-packages}, {@code dist-packages}, {@code gems}) are left out, as Dockle leaves out the first two: a
 * library's test fixture named {@code credentials} or its {@code .cache} is not the image's misconfiguration.
 */
public final class SuspiciousFileAnalyzer implements Analyzer {
    public static final String ID = "suspicious-files";
    /** The property naming what kind of file this is. */
    public static final String KIND = "kind";
    public static final String CREDENTIAL = "credential";
    public static final String UNNECESSARY_FILE = "unnecessary-file";
    public static final String UNNECESSARY_DIR = "unnecessary-dir";

    static final NameSet CREDENTIAL_NAMES = NameSet.of(Set.of("credentials.json", "credential.json", "credentials",
            "credential", "password.txt", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "secret_token.rb",
            "carrierwave.rb", "omniauth.rb", "settings.py", "database.yml", "credentials.xml", ".git-credentials"));
    static final NameSet CREDENTIAL_EXTENSIONS = NameSet.ignoringCase(Set.of(".secret", ".ovpn", ".private_key", ".cscfg", ".rdp",
            ".mdf", ".sdf", ".bek", ".tpm", ".fve", ".jks", ".psafe3", ".agilekeychain", ".keychain", ".pcap",
            ".gnucache"));
    static final NameSet UNNECESSARY_NAMES = NameSet.of(Set.of("Dockerfile", "Containerfile", "docker-compose.yml",
            "docker-compose.yaml", ".vimrc", ".DS_Store", ".bash_history", ".ash_history", ".zsh_history"));
    static final NameSet UNNECESSARY_DIRS = NameSet.of(Set.of(".cache", "tmp", ".git", ".svn", ".hg", ".vscode",
            ".idea", ".npm"));
    private static final NameSet THIRD_PARTY_DIRS = NameSet.of(Set.of("node_modules", "vendor", "site-packages",
            "dist-packages", "gems"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean followsLinks() {
        return false;
    }

    @Override
    public boolean wants(String path) {
        return kind(path) != null;
    }

    @Override
    public FileResult analyze(FileEntry entry) {
        String kind = kind(entry.path());
        return kind == null ? null : FileResult.ofProperties(ID, entry.path(), Map.of(KIND, kind));
    }

    /** What kind of suspicious file is at {@code path}, or null. Called for every file: allocates nothing on "no". */
    static String kind(String path) {
        int slash = path.lastIndexOf('/');
        int nameStart = slash + 1;
        int dot = path.lastIndexOf('.');
        String kind = null;
        if (CREDENTIAL_NAMES.contains(path, nameStart, path.length())
                || dot > nameStart && CREDENTIAL_EXTENSIONS.contains(path, dot, path.length())
                || path.endsWith(".docker/config.json")) {
            kind = CREDENTIAL;
        } else if (UNNECESSARY_NAMES.contains(path, nameStart, path.length())) {
            kind = UNNECESSARY_FILE;
        } else if (slash > 0 && UNNECESSARY_DIRS.contains(path, path.lastIndexOf('/', slash - 1) + 1, slash)) {
            kind = UNNECESSARY_DIR;
        }
        return kind == null || inThirdPartyTree(path) ? null : kind;
    }

    private static boolean inThirdPartyTree(String path) {
        int start = 0;
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', start)) {
            if (THIRD_PARTY_DIRS.contains(path, start, i)) {
                return true;
            }
            start = i + 1;
        }
        return false;
    }
}
