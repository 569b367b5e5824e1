package io.kensa.match.matcher;

import java.util.List;

/** The package matchers, asked in order; the first that answers a query handles the package. */
public final class MatcherRegistry {
    private final List<PackageMatcher> matchers;

    public MatcherRegistry(List<PackageMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    public static MatcherRegistry defaults() {
        return new MatcherRegistry(List.of(new OsPackageMatcher(), new LanguagePackageMatcher()));
    }

    public List<PackageMatcher> matchers() {
        return matchers;
    }
}
