package io.kensa.core.secret;

import io.kensa.core.vuln.Severity;

/**
 * A credential found in a file of a layer or in the image config. The secret itself is never held here: only a
 * masked excerpt of its line.
 *
 * @param ruleId   the rule that matched, e.g. {@code aws-access-key-id}
 * @param category what kind of credential, e.g. {@code AWS}
 * @param severity how bad a leak is; documented example keys are {@link Severity#LOW}
 * @param title    one line naming the credential
 * @param path     the file, absolute ({@code /app/.env}), or the config field ({@code config:Env},
 *                 {@code config:Labels}, {@code config:history[3]})
 * @param line     1-based line of the match, 0 when not known
 * @param layer    diffID of the layer holding the file, null for the image config
 * @param deleted  true when a later layer deletes or replaces the file: still in the image, not in the container
 * @param match    the matched line with the secret masked (only a short prefix kept)
 * @param example  true for known example/test credentials (e.g. AWS's documented {@code AKIAIOSFODNN7EXAMPLE})
 */
public record SecretFinding(String ruleId, String category, Severity severity, String title, String path, int line,
                            String layer, boolean deleted, String match, boolean example) {
}
