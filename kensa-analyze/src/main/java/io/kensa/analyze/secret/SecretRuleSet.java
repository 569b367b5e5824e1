package io.kensa.analyze.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules and allow rules of a secret scan, with the engine compiled for them. {@link #builtin()} gives the
 * built-in set; {@link #load(Path)} merges a configuration file in Trivy's {@code trivy-secret.yaml} shape with it.
 * Immutable and thread-safe.
 */
public final class SecretRuleSet {
    private final List<SecretRule> rules;
    private final List<AllowRule> allowRules;
    private final int fingerprint;
    private final SecretScanner scanner;

    /**
     * @throws IllegalArgumentException when two rules share an id or a rule names a secret group its regex lacks
     */
    public SecretRuleSet(List<SecretRule> rules, List<AllowRule> allowRules) {
        this.rules = List.copyOf(rules);
        this.allowRules = List.copyOf(allowRules);
        Set<String> ids = new HashSet<>();
        for (SecretRule r : this.rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("two secret rules have the id " + r.id());
            }
        }
        this.fingerprint = fingerprint(this.rules, this.allowRules);
        this.scanner = new SecretScanner(this.rules, this.allowRules);
    }

    /** The built-in rules and allow rules. */
    public static SecretRuleSet builtin() {
        return Builtin.SET;
    }

    /**
     * The built-in set merged with a configuration file (see {@link SecretConfigReader}).
     *
     * @throws io.kensa.core.KensaException naming the file and the problem, in one line, when the file cannot be
     *                                      read or is not a valid configuration (bad YAML, bad regex, unknown ids)
     */
    public static SecretRuleSet load(Path yaml) {
        return SecretConfigReader.read(yaml, builtin());
    }

    public List<SecretRule> rules() {
        return rules;
    }

    public List<AllowRule> allowRules() {
        return allowRules;
    }

    /** Changes whenever a rule, an allow rule or the engine's logic changes: part of the analyzer's cache key. */
    public int fingerprint() {
        return fingerprint;
    }

    /** The engine for these rules. */
    public SecretScanner scanner() {
        return scanner;
    }

    private static int fingerprint(List<SecretRule> rules, List<AllowRule> allowRules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("engine " + BuiltinSecretRules.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            for (SecretRule r : rules) {
                sha.update((r.spec() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (AllowRule a : allowRules) {
                sha.update(("allow " + a.spec() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] d = sha.digest();
            return ((d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | (d[3] & 0xff)) & 0x7fffffff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The built-in set, built on first use. */
    private static final class Builtin {
        static final SecretRuleSet SET = new SecretRuleSet(BuiltinSecretRules.rules(),
                BuiltinSecretRules.allowRules());
    }
}
