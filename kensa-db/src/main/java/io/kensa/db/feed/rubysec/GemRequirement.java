package io.kensa.db.feed.rubysec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RubyGems requirement as ruby-advisory-db writes them in {@code patched_versions} and
 * {@code unaffected_versions}: one or more constraints joined by commas, all of which must hold
 * ({@code "~> 5.2.4, >= 5.2.4.3"}). A constraint is an operator and a version; no operator means {@code =}.
 * <ul>
 *   <li>{@code = v}: v; {@code != v}: every version but v;</li>
 *   <li>{@code > v}, {@code >= v}, {@code < v}, {@code <= v}: as written;</li>
 *   <li>{@code ~> v}: from v up to (not including) {@link GemVersion#bump() v's bump}, so {@code ~> 1.2.3} is
 *       [1.2.3, 1.3) and {@code ~> 1.2} is [1.2, 2). RubyGems compares the <em>release</em> of a candidate with the
 *       bump, so it also leaves out the prereleases of the bump (1.3.rc1), which sort below 1.3 and so fall inside
 *       the interval here: the one place where the set is wider than RubyGems' own test.</li>
 * </ul>
 */
final class GemRequirement {
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(=|!=|>=|<=|>|<|~>)?\\s*(\\S+)\\s*");

    private GemRequirement() {
    }

    /** The versions that satisfy {@code requirement}. @throws IllegalArgumentException when it is malformed */
    static VersionSet parse(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            throw new IllegalArgumentException("empty requirement");
        }
        VersionSet set = VersionSet.ALL;
        for (String part : requirement.split(",", -1)) {
            set = set.intersect(constraint(part, requirement));
        }
        return set;
    }

    private static VersionSet constraint(String text, String requirement) {
        Matcher m = CONSTRAINT.matcher(text);
        if (!m.matches() || !GemVersion.isValid(m.group(2))) {
            throw new IllegalArgumentException("requirement '" + requirement + "' is not RubyGems syntax");
        }
        String op = m.group(1) == null ? "=" : m.group(1);
        GemVersion v = GemVersion.parse(m.group(2));
        return switch (op) {
            case "=" -> VersionSet.of(new VersionSet.Interval(v, true, v, true));
            case "!=" -> VersionSet.of(new VersionSet.Interval(null, false, v, false))
                    .union(VersionSet.of(new VersionSet.Interval(v, false, null, false)));
            case ">" -> VersionSet.of(new VersionSet.Interval(v, false, null, false));
            case ">=" -> VersionSet.of(new VersionSet.Interval(v, true, null, false));
            case "<" -> VersionSet.of(new VersionSet.Interval(null, false, v, false));
            case "<=" -> VersionSet.of(new VersionSet.Interval(null, false, v, true));
            case "~>" -> VersionSet.of(new VersionSet.Interval(v, true, v.bump(), false));
            default -> throw new IllegalStateException(op);
        };
    }
}
