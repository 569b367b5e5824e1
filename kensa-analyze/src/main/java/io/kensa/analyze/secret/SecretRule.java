package io.kensa.analyze.secret;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of credential, in the shape of Trivy's secret rules. A rule runs only where one of its keywords occurs
 * (compared ignoring ASCII case), and only on the line around that occurrence: a match is at most one line. A rule
 * without keywords runs on every line of every file it applies to.
 *
 * @param id          unique id, e.g. {@code aws-access-key-id}
 * @param category    the kind of credential, e.g. {@code AWS}
 * @param title       one line naming the credential
 * @param severity    CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN
 * @param regex       what a secret looks like; searched within one line
 * @param secretGroup the named group holding the secret itself (the part that is masked), or null for the whole
 *                    match
 * @param keywords    cheap pre-filter: the rule runs only around these (ASCII case ignored); empty for every line
 * @param path        the files the rule applies to, or null for all
 * @param allowRules  matches this rule does not report
 * @param check       what the value must also satisfy beyond the regex (entropy, a key body after a PEM header …)
 * @param anchor      where a match starts relative to a keyword occurrence ({@link Anchor#LINE} for custom rules)
 * @param generic     true for rules that recognise a secret by its context only (a password assignment): their
 *                    match is dropped where a rule for a known format matched the same text
 */
public record SecretRule(String id, String category, String title, String severity, Pattern regex,
                         String secretGroup, List<String> keywords, PathMatch path, List<AllowRule> allowRules,
                         SecretCheck check, Anchor anchor, boolean generic) {

    public SecretRule {
        keywords = List.copyOf(keywords);
        allowRules = List.copyOf(allowRules);
        if (check == null) {
            check = SecretCheck.NONE;
        }
        if (anchor == null) {
            anchor = Anchor.LINE;
        }
    }

    /** Whether the rule looks at the file at {@code path} at all. */
    boolean appliesTo(String path) {
        if (this.path != null && !this.path.matches(path)) {
            return false;
        }
        for (AllowRule a : allowRules) {
            if (a.skipsFile(path)) {
                return false;
            }
        }
        return true;
    }

    /** A stable text of this rule, for the rule set's fingerprint. */
    String spec() {
        StringBuilder b = new StringBuilder();
        b.append(id).append('|').append(category).append('|').append(title).append('|').append(severity).append('|')
                .append(regex.pattern()).append('/').append(regex.flags()).append('|').append(secretGroup).append('|')
                .append(keywords).append('|').append(path == null ? "" : path.spec()).append('|').append(check)
                .append('|').append(anchor).append('|').append(generic);
        for (AllowRule a : allowRules) {
            b.append('|').append(a.spec());
        }
        return b.toString();
    }
}
