package io.kensa.analyze.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * What a match of a built-in rule must also satisfy beyond its regex. Named checks rather than code in the rules,
 * so that a rule set stays plain data with a stable fingerprint.
 */
public enum SecretCheck {
    /** The regex is enough. */
    NONE {
        @Override
        boolean accepts(RuleMatch m) {
            return true;
        }
    },

    /**
     * A random key rather than a digest or a word: not only hex digits, mixed case with digits or symbols, and
     * an entropy of at least 3.5 bits per character (AWS secret access keys).
     */
    RANDOM_KEY {
        @Override
        boolean accepts(RuleMatch m) {
            String s = m.secret();
            if (SecretValues.isHex(s) || SecretValues.entropy(s) < 3.5) {
                return false;
            }
            boolean upper = false;
            boolean lower = false;
            boolean other = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                other |= !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z');
            }
            return upper && lower && other;
        }
    },

    /**
     * A value assigned to a credential-like name ({@code group "key"}): the name's words must say password,
     * secret, token, credential or a qualified key ({@code api_key}, {@code SECRET_KEY}); a name that only ends
     * in {@code KEY} counts in environment files and the image config only; names of public keys, digests,
     * fingerprints, files, URLs, lengths and the like never count. The value must look random (see
     * {@link SecretValues#looksLikeSecret}).
     */
    ASSIGNMENT {
        @Override
        boolean accepts(RuleMatch m) {
            String name = m.group("key");
            String value = m.secret();
            return name != null && credentialName(name, SecretPaths.ENVIRONMENT.matches(m.path()))
                    && SecretValues.looksLikeSecret(value, 8, 3.0);
        }
    },

    /** A password in a credentials file: anything but a placeholder or a variable reference. */
    CREDENTIAL {
        @Override
        boolean accepts(RuleMatch m) {
            String v = m.secret();
            return v.length() >= 4 && !SecretValues.isPlaceholder(v);
        }
    },

    /** The password of a URL in a configuration file: not a placeholder, and not a plain word. */
    URL_PASSWORD {
        @Override
        boolean accepts(RuleMatch m) {
            return SecretValues.looksLikeSecret(m.secret(), 6, 2.5);
        }
    },

    /**
     * A PEM private key header followed by key material: base64 on the rest of the same line (a key in a JSON
     * string with {@code \n} escapes), or on the next lines after the optional {@code Proc-Type}, {@code DEK-Info},
     * {@code Version} or {@code Comment} headers. A header alone (in code that parses keys, in documentation) is
     * not a key.
     */
    PEM_BODY {
        @Override
        boolean accepts(RuleMatch m) {
            if (sameLineBody(m.secret()) >= 32) {
                return true;
            }
            return keyLinesFollow(m.data(), m.matchEndOffset(), m.dataEnd());
        }
    },

    /** A JSON Web Token: its header decodes to a JSON object naming {@code alg}, its payload to a JSON object. */
    JWT {
        @Override
        boolean accepts(RuleMatch m) {
            String[] parts = m.secret().split("\\.", -1);
            if (parts.length < 2) {
                return false;
            }
            String header = base64Url(parts[0]);
            String payload = base64Url(parts[1]);
            return header != null && header.startsWith("{") && header.contains("\"alg\"") && payload != null
                    && payload.startsWith("{");
        }
    },

    /** A Docker {@code auth} field: base64 of {@code user:password} with a non-empty password. */
    DOCKER_AUTH {
        @Override
        boolean accepts(RuleMatch m) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(m.secret());
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = -1;
            for (int i = 0; i < raw.length; i++) {
                int b = raw[i] & 0xff;
                if (b < 0x20 || b > 0x7e) {
                    return false;
                }
                if (b == ':' && colon < 0) {
                    colon = i;
                }
            }
            return colon > 0 && colon < raw.length - 1;
        }
    },

    /** An Azure shared access signature: the {@code sig} next to the {@code sv} (signed version) parameter. */
    AZURE_SAS {
        @Override
        boolean accepts(RuleMatch m) {
            String line = m.line();
            return line.contains("sv=") && (line.contains("se=") || line.contains("sp="));
        }
    };

    abstract boolean accepts(RuleMatch m);

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "pwd", "pass",
            "secret", "secrets", "token", "tokens", "credential", "credentials", "apikey", "secretkey", "accesskey",
            "privatekey", "authkey", "masterkey", "encryptionkey", "signingkey", "clientsecret", "authtoken",
            "accesstoken", "apitoken", "apisecret");
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "access", "secret", "private", "auth", "app",
            "master", "encryption", "signing", "client", "account", "storage", "license", "service", "admin",
            "session", "sas", "shared", "consumer", "webhook", "subscription");
    private static final Set<String> EXCLUDED_WORDS = Set.of("public", "pub", "gpg", "pgp", "gnupg", "fingerprint",
            "checksum", "sha", "sha1", "sha256", "sha512", "md5", "hash", "hashed", "digest", "example");
    private static final Set<String> EXCLUDED_LAST_WORDS = Set.of("file", "path", "dir", "directory", "url", "uri",
            "endpoint", "host", "hostname", "port", "name", "type", "length", "len", "size", "count", "min", "max",
            "ttl", "timeout", "expiry", "expires", "expiration", "lifetime", "header", "field", "param", "policy",
            "format", "enabled", "enable", "disabled", "mode", "id", "ids", "label", "prefix", "suffix", "env", "var",
            "ref", "method", "algorithm", "alg", "version", "regex", "pattern", "store", "manager", "provider",
            "class", "handler", "validator", "strength", "hint", "reset", "required", "location", "source", "keyring",
            "command", "cmd", "script", "helper", "description", "desc", "text", "message", "msg", "prompt", "title",
            "placeholder", "default");

    /** Whether a variable or field name names a credential (see {@link #ASSIGNMENT}). */
    static boolean credentialName(String name, boolean environment) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.getLast();
        if (EXCLUDED_LAST_WORDS.contains(last)) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (EXCLUDED_WORDS.contains(w)) {
                return false;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w) && !(w.equals("pass") && words.size() == 1)) {
                return true;
            }
            if ((w.equals("key") || w.equals("keys")) && i > 0 && KEY_QUALIFIERS.contains(words.get(i - 1))) {
                return true;
            }
        }
        return environment && (last.equals("key") || last.equals("keys"));
    }

    /** The lower-case words of a name: split at non-alphanumerics, lower-to-upper case changes and digits. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            boolean split = !letter && !digit
                    || (c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z')
                    || (digit != (prev >= '0' && prev <= '9') && w.length() > 0);
            if (split && w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
            if (letter || digit) {
                w.append((char) Ascii.lower(c));
            }
            prev = c;
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /**
     * The number of base64 characters of the key body that starts {@code rest} (the text after a PEM header on its
     * line): after blanks, quotes and {@code \n} escapes, a run of base64 characters and {@code \n} escapes only.
     */
    private static int sameLineBody(String rest) {
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == ' ' || c == '\t' || c == '"' || c == '\'') {
                i++;
            } else if (escapedNewline(rest, i)) {
                i += 2;
            } else {
                break;
            }
        }
        int n = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (Ascii.isAlnum(c) || c == '+' || c == '/' || c == '=') {
                n++;
                i++;
            } else if (escapedNewline(rest, i)) {
                i += 2;
            } else {
                break;
            }
        }
        return n;
    }

    private static boolean escapedNewline(String s, int i) {
        return s.charAt(i) == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r');
    }

    /** The number of base64 characters in {@code s}, not counting {@code \n} escapes. */
    private static int base64Run(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r')) {
                i++;
            } else if (Ascii.isAlnum(c) || c == '+' || c == '/' || c == '=') {
                n++;
            }
        }
        return n;
    }

    /** Whether one of the few lines after {@code from} (past PEM headers and blank lines) is base64 key material. */
    private static boolean keyLinesFollow(byte[] data, int from, int end) {
        int i = from;
        while (i < end && data[i] != '\n') {
            i++;
        }
        for (int lines = 0; lines < 6 && i < end; lines++) {
            int start = i + 1;
            int e = start;
            while (e < end && data[e] != '\n') {
                e++;
            }
            String line = new String(data, start, e - start, StandardCharsets.ISO_8859_1).strip();
            i = e;
            if (line.isEmpty() || line.indexOf(':') > 0) {
                continue;
            }
            line = stripQuoting(line);
            return line.length() >= 40 && base64Run(line) == line.length();
        }
        return false;
    }

    /** A key line as code writes it: {@code "MIIE...\n" +} or {@code 'MIIE...',} without the quoting. */
    private static String stripQuoting(String line) {
        int s = 0;
        int e = line.length();
        while (s < e && (line.charAt(s) == '"' || line.charAt(s) == '\'' || line.charAt(s) == '+')) {
            s++;
        }
        while (e > s && "\"',+;\\n ".indexOf(line.charAt(e - 1)) >= 0) {
            e--;
        }
        return line.substring(s, e);
    }

    private static String base64Url(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
