package io.kensa.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each phase of a command took, printed as one line on stderr when the environment variable
 * {@code KENSA_TIMINGS} is set (for benchmarks and curious users): {@code kensa: timings: inventory 312 ms,
 * vulnerabilities 21 ms, report 35 ms}.
 */
final class PhaseTimings {
    private final boolean enabled = System.getenv("KENSA_TIMINGS") != null;
    private final List<String> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the current phase, naming it. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    void print() {
        if (enabled) {
            System.err.println("kensa: timings: " + String.join(", ", phases));
        }
    }
}
