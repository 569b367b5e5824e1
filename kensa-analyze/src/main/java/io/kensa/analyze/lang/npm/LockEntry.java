package io.kensa.analyze.lang.npm;

import java.util.List;

/**
 * One package a lock file pins.
 *
 * @param name     the real package name (an alias such as {@code my-ms@npm:ms@2.1.2} is {@code ms})
 * @param version  the resolved version
 * @param licenses license strings the lock file records (package-lock v2/v3 only)
 * @param dev      true when only development dependencies need it
 */
record LockEntry(String name, String version, List<String> licenses, boolean dev) {
    LockEntry {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }
}
