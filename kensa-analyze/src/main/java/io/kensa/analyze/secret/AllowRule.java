package io.kensa.analyze.secret;

import java.util.regex.Pattern;

/**
 * What is not reported, in Trivy's {@code allow-rules} shape. With only a {@code path}, the files at matching paths
 * are not scanned at all; with only a {@code regex}, a match whose text (the whole match of the rule) contains the
 * regex is dropped; with both, such matches are dropped only in files at matching paths.
 *
 * @param id          unique id, named by {@code disable-allow-rules}
 * @param description one line for humans
 * @param regex       searched in the matched text, or null
 * @param path        tested on the file path, or null
 */
public record AllowRule(String id, String description, Pattern regex, PathMatch path) {

    public AllowRule {
        if (regex == null && path == null) {
            throw new IllegalArgumentException("allow rule " + id + " has neither regex nor path");
        }
    }

    /** True when this rule alone skips the whole file at {@code path}. */
    boolean skipsFile(String path) {
        return regex == null && this.path.matches(path);
    }

    /** True when this rule drops the match {@code matched} found in the file at {@code path}. */
    boolean allows(String path, CharSequence matched) {
        if (this.path != null && !this.path.matches(path)) {
            return false;
        }
        return regex == null || regex.matcher(matched).find();
    }

    /** A stable text of this rule, for the rule set's fingerprint. */
    String spec() {
        return id + "|" + (regex == null ? "" : regex.pattern() + "/" + regex.flags()) + "|"
                + (path == null ? "" : path.spec());
    }
}
