package io.kensa.db.feed.epss;

import java.time.Instant;

/**
 * One day of EPSS scores as a file holds them.
 *
 * @param scoreDate    the day the scores are for; null when the file does not say
 * @param modelVersion the EPSS model ({@code v2023.03.01}); null when the file does not say
 */
record EpssSnapshot(Instant scoreDate, String modelVersion) {
}
