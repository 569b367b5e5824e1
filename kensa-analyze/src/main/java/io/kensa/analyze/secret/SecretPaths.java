package io.kensa.analyze.secret;

import java.util.Set;

/** The path tests of the built-in rules and allow rules. */
final class SecretPaths {
    /** The prefix of the image config fields scanned as text: {@code config:Env}, {@code config:history[3]} … */
    static final String CONFIG_PREFIX = "config:";

    /** Environment files and the image config: where a bare {@code ..._KEY=} name is a credential. */
    static final PathMatch ENVIRONMENT = new PathMatch.Builtin("environment", p -> {
        if (p.startsWith("config:Env") || p.startsWith("config:history")) {
            return true;
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env");
    });

    /**
     * Third-party code installed by package managers: the context-only (generic) rules stay out of it, where
     * test fixtures and documentation samples abound; the rules for known token formats still run there.
     */
    static final PathMatch DEPENDENCIES = PathMatch.directories("node_modules", "bower_components", "site-packages",
            "dist-packages", "vendor", "third_party", "third-party", "thirdparty", "gems", ".m2", ".gradle", ".cargo",
            "go/pkg");

    /**
     * Tests, as Trivy sees them: {@code test} (any case) starting the path or following {@code /}, {@code -},
     * {@code _} or {@code .} ({@code tests/}, {@code testdata/}, {@code x_test.go}, {@code a.test.js}).
     */
    static final PathMatch TESTS = new PathMatch.Builtin("tests", p -> {
        for (int i = 0; i + 4 <= p.length(); i++) {
            char c = p.charAt(i);
            if ((c == 't' || c == 'T') && p.regionMatches(true, i, "test", 0, 4)
                    && (i == 0 || "/-_.".indexOf(p.charAt(i - 1)) >= 0)) {
                return true;
            }
        }
        return false;
    });

    /** Examples and samples of documentation: {@code example} anywhere in the path, any case. */
    static final PathMatch EXAMPLES = new PathMatch.Builtin("examples", p -> {
        for (int i = 0; i + 7 <= p.length(); i++) {
            char c = p.charAt(i);
            if ((c == 'e' || c == 'E') && p.regionMatches(true, i, "example", 0, 7)) {
                return true;
            }
        }
        return false;
    });

    /** The Python of official Python images: {@code usr/local/lib/python3.12/}. */
    static final PathMatch PYTHON_RUNTIME = new PathMatch.Builtin("python-runtime", p ->
            p.startsWith("usr/local/lib/python") && p.length() > 20 && Character.isDigit(p.charAt(20)));

    /** Configuration files: where {@code password=} / {@code secret:} assignments are looked for. */
    static final PathMatch CONFIG_FILES = PathMatch.except(PathMatch.anyOf(
            PathMatch.extensions(Set.of("env", "yml", "yaml", "properties", "props", "ini", "conf", "cnf", "cfg",
                    "config", "json", "toml", "xml", "tfvars", "hcl")),
            ENVIRONMENT,
            PathMatch.prefixes(CONFIG_PREFIX),
            PathMatch.fileNames(".my.cnf", ".s3cfg", ".boto")),
            DEPENDENCIES);

    private SecretPaths() {
    }
}
