package io.kensa.analyze.secret;

/**
 * One credential found in one file: pure data, cached with its layer. The secret is already masked here, so
 * nothing downstream (cache, reports) ever holds it.
 *
 * @param ruleId   the rule that matched
 * @param category what kind of credential, e.g. {@code AWS}
 * @param severity CRITICAL, HIGH, MEDIUM or LOW; documented example keys are LOW
 * @param title    one line naming the credential
 * @param line     1-based line of the match
 * @param match    the matched line, trimmed to at most a few hundred characters, with the secret masked
 * @param example  true for a known example/test credential
 */
public record SecretMatch(String ruleId, String category, String severity, String title, int line, String match,
                          boolean example) {
}
