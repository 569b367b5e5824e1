package io.kensa.cli;

import io.kensa.core.KensaException;
import picocli.CommandLine.Option;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code --scanners} and {@code --lang}: what a scan looks for, and the language of advisory texts. */
final class ScannerOptions {
    /** Every scanner name the flag accepts. */
    static final List<String> KNOWN = List.of("vuln", "secret", "misconfig", "license", "malware");
    static final String DEFAULT = "vuln,secret";

    @Option(names = "--scanners", paramLabel = "LIST", split = ",",
            description = {"What to scan for: vuln, secret, misconfig, license,", "malware (default: " + DEFAULT + ")."})
    List<String> scanners;

    @Option(names = "--secret-config", paramLabel = "FILE",
            description = "Secret rules: custom rules and allow rules (YAML, Trivy's trivy-secret.yaml shape).")
    java.nio.file.Path secretConfig;

    @Option(names = "--malware-hashes", paramLabel = "FILE",
            description = {"Known-malicious SHA-256 digests, one per line with a name (repeatable;",
                    "added to the built-in list)."})
    List<java.nio.file.Path> malwareHashes;

    @Option(names = "--clamd", paramLabel = "ADDRESS",
            description = "Also send every file to ClamAV's clamd: unix:///path/clamd.sock or tcp://HOST:PORT.")
    String clamd;

    @Option(names = "--license-policy", paramLabel = "FILE",
            description = "License policy (YAML): which licenses and categories fail the build.")
    java.nio.file.Path licensePolicy;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of advisory titles where a feed has one (en, ja; default: ${DEFAULT-VALUE}).")
    String lang;

    /** The scanners asked for, checked. */
    Set<String> selected() {
        List<String> names = scanners == null ? List.of(DEFAULT.split(",")) : scanners;
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String s = n.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (!KNOWN.contains(s)) {
                throw new KensaException("unknown scanner '" + n.trim() + "' (expected any of: "
                        + String.join(", ", KNOWN) + ")");
            }
            out.add(s);
        }
        return out;
    }

    /** Checks {@code --scanners} and {@code --lang} (each a one-line error when bad), before any scanning. */
    void check() {
        selected();
        language();
    }

    /** True when the user named the scanners (rather than taking the default). */
    boolean explicit() {
        return scanners != null;
    }

    String language() {
        String l = lang == null ? "en" : lang.trim().toLowerCase(Locale.ROOT);
        if (!l.equals("en") && !l.equals("ja")) {
            throw new KensaException("unknown --lang '" + lang + "' (expected en or ja)");
        }
        return l;
    }
}
