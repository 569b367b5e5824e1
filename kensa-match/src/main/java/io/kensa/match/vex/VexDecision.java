package io.kensa.match.vex;

import java.util.Locale;

/**
 * The statement that decides what one VEX document says of a vulnerability in one package.
 *
 * @param document  the document
 * @param statement the deciding statement
 */
public record VexDecision(VexDocument document, VexStatement statement) {
    /** Whether the finding is taken out. */
    public boolean suppresses() {
        return statement.status().suppresses();
    }

    /** One line: {@code VEX not_affected (vulnerable_code_not_in_execute_path) by Aqua Security (trivy.openvex.json)}. */
    public String reason() {
        StringBuilder b = new StringBuilder("VEX ").append(statement.status().wireName());
        if (statement.justification() != null) {
            b.append(" (").append(statement.justification().toLowerCase(Locale.ROOT)).append(')');
        }
        return b.append(" by ").append(document.attribution()).toString();
    }
}
