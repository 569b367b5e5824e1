package io.kensa.match.matcher;

import io.kensa.core.OsInfo;
import io.kensa.core.Package;

import java.util.Optional;

/**
 * One kind of package's way into the database: which namespace, name and version to look up. Registered in
 * {@link MatcherRegistry}.
 */
public interface PackageMatcher {

    /** A short name for messages ({@code os}, {@code language}). */
    String id();

    /**
     * The query for {@code pkg} on an image whose OS is {@code os} (null when none was detected); empty when this
     * matcher does not handle the package or the package cannot be matched (an OS without data, a package owned by
     * the OS package manager …).
     */
    Optional<PackageQuery> query(Package pkg, OsInfo os);
}
