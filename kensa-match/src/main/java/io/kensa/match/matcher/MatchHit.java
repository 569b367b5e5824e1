package io.kensa.match.matcher;

import io.kensa.db.model.AffectedPackage;

/**
 * One advisory entry that affects one package.
 *
 * @param entry the advisory's statement
 * @param fixed the version that fixes it (the first fix above the installed version), null when none
 */
record MatchHit(AffectedPackage entry, String fixed) {
}
