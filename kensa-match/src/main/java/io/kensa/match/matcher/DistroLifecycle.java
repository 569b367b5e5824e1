package io.kensa.match.matcher;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When distribution releases stop getting security fixes (the end of the publisher's free security support,
 * LTS included: Debian LTS, Ubuntu standard support, Alpine's per-branch end, Amazon Linux, RHEL maintenance).
 * An unfixed vulnerability on a release past that date will never be fixed there: its status is
 * {@code end_of_life}. Releases not listed are taken as supported.
 */
public final class DistroLifecycle {
    private static final Map<String, LocalDate> END = Map.ofEntries(
            // Debian: LTS end (wiki.debian.org/LTS)
            Map.entry("debian:8", LocalDate.of(2020, 6, 30)),
            Map.entry("debian:9", LocalDate.of(2022, 6, 30)),
            Map.entry("debian:10", LocalDate.of(2024, 6, 30)),
            Map.entry("debian:11", LocalDate.of(2026, 8, 31)),
            Map.entry("debian:12", LocalDate.of(2028, 6, 30)),
            // Ubuntu: end of standard support (ubuntu.com/about/release-cycle); ESM is a subscription
            Map.entry("ubuntu:14.04", LocalDate.of(2019, 4, 30)),
            Map.entry("ubuntu:16.04", LocalDate.of(2021, 4, 30)),
            Map.entry("ubuntu:18.04", LocalDate.of(2023, 5, 31)),
            Map.entry("ubuntu:20.04", LocalDate.of(2025, 5, 31)),
            Map.entry("ubuntu:22.04", LocalDate.of(2027, 6, 1)),
            Map.entry("ubuntu:24.04", LocalDate.of(2029, 5, 31)),
            // Alpine: branch end of support (alpinelinux.org/releases)
            Map.entry("alpine:3.10", LocalDate.of(2021, 5, 1)),
            Map.entry("alpine:3.11", LocalDate.of(2021, 11, 1)),
            Map.entry("alpine:3.12", LocalDate.of(2022, 5, 1)),
            Map.entry("alpine:3.13", LocalDate.of(2022, 11, 1)),
            Map.entry("alpine:3.14", LocalDate.of(2023, 5, 1)),
            Map.entry("alpine:3.15", LocalDate.of(2023, 11, 1)),
            Map.entry("alpine:3.16", LocalDate.of(2024, 5, 23)),
            Map.entry("alpine:3.17", LocalDate.of(2024, 11, 22)),
            Map.entry("alpine:3.18", LocalDate.of(2025, 5, 9)),
            Map.entry("alpine:3.19", LocalDate.of(2025, 11, 1)),
            Map.entry("alpine:3.20", LocalDate.of(2026, 4, 1)),
            Map.entry("alpine:3.21", LocalDate.of(2026, 11, 1)),
            // Amazon Linux (aws.amazon.com/amazon-linux-2/faqs, …/linux/amazon-linux-2023/faqs)
            Map.entry("amazon:1", LocalDate.of(2023, 12, 31)),
            Map.entry("amazon:2", LocalDate.of(2026, 6, 30)),
            Map.entry("amazon:2023", LocalDate.of(2029, 6, 30)),
            // RHEL: end of maintenance support (access.redhat.com/support/policy/updates/errata)
            Map.entry("redhat:6", LocalDate.of(2020, 11, 30)),
            Map.entry("redhat:7", LocalDate.of(2024, 6, 30)),
            Map.entry("redhat:8", LocalDate.of(2029, 5, 31)),
            Map.entry("redhat:9", LocalDate.of(2032, 5, 31)));

    private DistroLifecycle() {
    }

    /** The end of security support of the release a namespace names; empty when not known. */
    public static Optional<LocalDate> endOfSupport(String namespace) {
        Optional<LocalDate> known = Optional.ofNullable(END.get(namespace));
        if (known.isPresent() || namespace == null) {
            return known;
        }
        // Alpine branches older than those listed, and Debian before 8, ended long ago
        if (namespace.matches("alpine:3\\.[0-9]") || namespace.matches("debian:[1-7]")) {
            return Optional.of(LocalDate.of(2020, 1, 1));
        }
        return Optional.empty();
    }

    /** True when {@code namespace} is a release past its end of support on {@code today}. */
    public static boolean isEndOfLife(String namespace, LocalDate today) {
        return endOfSupport(namespace).map(today::isAfter).orElse(false);
    }
}
