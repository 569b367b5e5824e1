package io.kensa.cli;

import io.kensa.analyze.scan.ScanProgress;

import java.io.PrintStream;

/** One status line per layer on stderr, only when stderr is a terminal and --quiet is not given. */
final class TerminalProgress implements ScanProgress {
    private final PrintStream err;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static ScanProgress create(boolean quiet) {
        java.io.Console console = System.console();
        if (quiet || console == null || !console.isTerminal()) {
            return ScanProgress.NONE;
        }
        return new TerminalProgress(System.err);
    }

    @Override
    public synchronized void layerStarted(int index, int count, String diffId, boolean cached) {
        err.printf("layer %d/%d %s %s%n", index + 1, count, diffId.substring(7, 19), cached ? "cached" : "reading");
    }

    @Override
    public synchronized void layerDone(int index, int count, String diffId) {
    }
}
