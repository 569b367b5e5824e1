package io.kensa.match.filter;

/**
 * What the gate decided.
 *
 * @param exitCode the process exit code: 0 when the gate does not fire
 * @param reason   one line saying why it fired, null when it did not
 */
public record GateDecision(int exitCode, String reason) {
    public boolean fired() {
        return exitCode != 0;
    }
}
