package io.kensa.analyze.secret;

import java.util.List;
import java.util.Set;

/**
 * Tests on a candidate secret value, for the rules where the format alone proves little (a value assigned to a
 * name like {@code password}): placeholders and references are not secrets, and neither is text with the
 * character spread of a word.
 */
final class SecretValues {
    /** Values, lower-cased, that stand for "put the real secret here". */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "changeme", "change_me", "change-me", "changeit", "password", "passw0rd", "secret", "token", "apikey",
            "api_key", "none", "null", "nil", "true", "false", "undefined", "empty", "default", "example", "sample",
            "dummy", "test", "testing", "placeholder", "redacted", "hidden", "masked", "notset", "not_set", "unset",
            "required", "optional", "string", "value", "your_password", "yourpassword", "mypassword", "my_password",
            "secretpassword", "supersecret", "s3cr3t", "p4ssw0rd", "letmein", "qwerty", "admin", "root", "guest",
            "postgres", "mysql", "xxxxxx", "todo", "fixme", "tbd", "n/a");

    /** Substrings, lower-cased, that mark a template, a reference or a documentation value. */
    private static final List<String> MARKERS = List.of(
            "${", "#{", "{{", "}}", "$(", "%(", "<%", "%>", "[[", "]]", "(secret", "secret(", "env(", "env:",
            "vault:", "secretref", "secretkeyref", "valuefrom", "your_", "your-", "yourpassword", "yoursecret",
            "placeholder", "change_me", "changeme", "replace_me", "replaceme", "xxxx", "****", "....", "<", ">",
            "example", "redacted", "dummy", "fake", "process.env", "os.environ", "getenv", "system.getenv");

    private SecretValues() {
    }

    /** Shannon entropy of the characters of {@code s}, in bits per character. */
    static double entropy(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    /** A placeholder, a template or variable reference, a path or a plain URL: not a secret. */
    static boolean isPlaceholder(String value) {
        String v = Ascii.lower(value);
        if (PLACEHOLDERS.contains(v)) {
            return true;
        }
        char first = v.charAt(0);
        if (first == '$' || first == '%' || first == '@' || first == '&' || first == '*' || first == '/'
                || first == '~' || first == '!' || first == '=' || (first == '.' && v.length() > 1 && v.charAt(1) == '/')) {
            return true;
        }
        if ((first == '{' && v.endsWith("}")) || (first == '(' && v.endsWith(")")) || (first == '[' && v.endsWith("]"))) {
            return true;
        }
        if (v.startsWith("enc(") || v.startsWith("file:") || v.startsWith("classpath:") || v.startsWith("http://")
                || v.startsWith("https://") || v.startsWith("base64:") && v.length() < 12) {
            return true;
        }
        for (String m : MARKERS) {
            if (v.contains(m)) {
                return true;
            }
        }
        return repeatsOneCharacter(v);
    }

    /** True when more than half of the value is a single character ({@code aaaaaaaa}, {@code 00000000x}). */
    private static boolean repeatsOneCharacter(String v) {
        int[] counts = new int[128];
        int max = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 128) {
                max = Math.max(max, ++counts[c]);
            }
        }
        return max * 2 > v.length();
    }

    /**
     * Whether a value assigned to a password-like name looks like a real secret: not a placeholder, at least
     * {@code minLength} characters, letters with digits (or both cases with symbols), no characters of code or
     * patterns ({@code | { } [ ] ( ) \}), not an identifier ({@code client_secret_basic}, {@code LastEvaluatedKey},
     * {@code AWS_SECRET_ACCESS_KEY}), and mixed enough to carry {@code minEntropy} bits per character.
     */
    static boolean looksLikeSecret(String value, int minLength, double minEntropy) {
        if (value.length() < minLength || isPlaceholder(value)) {
            return false;
        }
        if (isLowerCaseIdentifier(value) || isDottedName(value) || isNumber(value)) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("|{}[]()\\".indexOf(c) >= 0) {
                return false;
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= !Ascii.isAlnum(c);
        }
        boolean mixed = ((upper || lower) && digit) || (upper && lower && symbol);
        return mixed && entropy(value) >= minEntropy;
    }

    /** {@code word}, {@code word_word}, {@code word-word.word}: lower-case letters, separators, no digits. */
    static boolean isLowerCaseIdentifier(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code com.example.Name}, {@code java.lang.String}: a qualified name. */
    private static boolean isDottedName(String v) {
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(Ascii.isAlnum(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return dots >= 2 && !v.startsWith(".") && !v.endsWith(".");
    }

    private static boolean isNumber(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Only hexadecimal digits: a digest or a fingerprint rather than a base64 key. */
    static boolean isHex(CharSequence v) {
        for (int i = 0; i < v.length(); i++) {
            if (!Ascii.isHexDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
