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
            "dist-packages", "vendor", "gems", ".m2", ".gradle", ".cargo", "go/pkg");

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
