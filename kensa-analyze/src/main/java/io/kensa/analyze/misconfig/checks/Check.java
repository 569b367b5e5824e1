package io.kensa.analyze.misconfig.checks;

import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.vuln.Severity;

import java.util.List;

/**
 * One configuration check: what it is called, how bad a failure is, where it comes from and how to fix it.
 *
 * @param id        e.g. {@code CIS-DI-0001}, {@code DKL-DI-0006}, {@code KSV017}, {@code KSN-DI-0001}
 * @param severity  how bad a failure is (Dockle's levels mapped as in the package documentation)
 * @param title     one line
 * @param reference the benchmark section or document the check comes from
 * @param remedy    what to change
 */
public record Check(String id, Severity severity, String title, String reference, String remedy) {

    /**
     * A failure of this check.
     *
     * @param source   {@code image}, {@code dockerfile} or {@code kubernetes}
     * @param evidence what made it fire, one line each; never a secret value
     * @param path     the checked file, may be null
     * @param line     1-based line in {@code path}, 0 when not known
     * @param layer    diffID of the layer holding the evidence, may be null
     */
    public MisconfigFinding finding(String source, List<String> evidence, String path, int line, String layer) {
        return new MisconfigFinding(id, source, severity, title, reference, remedy, evidence, path, line, layer);
    }
}
