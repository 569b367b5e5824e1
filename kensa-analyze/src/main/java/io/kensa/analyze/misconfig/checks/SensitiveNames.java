package io.kensa.analyze.misconfig.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variable names that say they hold a credential (CIS-DI-0010), and the masking of their values.
 *
 * <p>Like Dockle, a name is suspicious when it contains PASS, PASSWD, PASSWORD, SECRET, KEY, TOKEN or ACCESS
 * (Dockle's list), but here as whole words of the name ({@code DB_PASSWORD}, {@code dbPassword},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code APIKEY}), so {@code KEYBOARD}, {@code PASSENGER_COUNT} or
 * {@code MONKEY} are not. Not suspicious: {@code GPG_KEY}/{@code GPG_KEYS} (public key fingerprints, as Dockle
 * accepts them), names with PUBLIC or PUB, and names that point to where a secret is kept rather than hold it
 * ({@code …_FILE}, {@code …_PATH}, {@code …_DIR}, the Docker secrets convention). ACCESS alone
 * ({@code ACCESS_LOG}) does not count: only with KEY, TOKEN or SECRET.
 */
public final class SensitiveNames {
    private static final Set<String> WORDS = Set.of("PASS", "PASSWD", "PASSWORD", "PASSWORDS", "PASSPHRASE",
            "SECRET", "SECRETS", "TOKEN", "TOKENS", "KEY", "APIKEY", "SECRETKEY", "ACCESSKEY", "PRIVATEKEY",
            "AUTHTOKEN", "ACCESSTOKEN", "CREDENTIAL", "CREDENTIALS");
    private static final Set<String> SUFFIXES = Set.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY");
    private static final Set<String> ACCEPTED = Set.of("GPG_KEY", "GPG_KEYS");
    private static final Set<String> POINTERS = Set.of("FILE", "PATH", "DIR", "FILES", "PATHS");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    /** A name starts where no name character precedes it, so a long run of letters is scanned once, not per start. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"?|'[^']*'?|\\S*)");
    /** Most values masked by search ({@link #maskValues}); {@code NAME=value} forms are masked whatever their number. */
    static final int MAX_MASKED_VALUES = 256;
    /** What a masked value is replaced with. */
    public static final String MASK = "********";

    private SensitiveNames() {
    }

    /** Whether a variable called {@code name} looks like it holds a credential. */
    public static boolean isSensitive(String name) {
        if (name == null || name.isEmpty() || name.length() > 256 || ACCEPTED.contains(name.toUpperCase(Locale.ROOT))) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (String w : WORD_SPLIT.split(name)) {
            if (!w.isEmpty()) {
                words.add(w.toUpperCase(Locale.ROOT));
            }
        }
        if (words.isEmpty() || POINTERS.contains(words.getLast())) {
            return false;
        }
        boolean sensitive = false;
        for (String w : words) {
            if (w.equals("PUBLIC") || w.equals("PUB")) {
                return false;
            }
            if (WORDS.contains(w) || SUFFIXES.stream().anyMatch(s -> w.length() > s.length() && w.endsWith(s))) {
                sensitive = true;
            }
        }
        return sensitive;
    }

    /**
     * {@code text} with the value of every {@code NAME=value} whose name is sensitive replaced by {@link #MASK}
     * (a value runs to the next blank, or to its closing quote).
     */
    public static String maskAssignments(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            if (isSensitive(m.group(1)) && !m.group(2).isEmpty()) {
                out.append(text, last, m.start(2)).append(MASK);
                last = m.end(2);
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * {@code text} with every occurrence of each of {@code values} (4 characters or more) replaced by the mask,
     * longest values first.
     */
    public static String maskValues(String text, java.util.Collection<String> values) {
        String out = text;
        List<String> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(values));
        sorted.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String v : sorted.subList(0, Math.min(sorted.size(), MAX_MASKED_VALUES))) {
            if (out != null && v != null && v.length() >= 4) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
