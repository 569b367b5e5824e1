package io.kensa.analyze.secret;

import com.fasterxml.jackson.databind.JsonNode;
import io.kensa.analyze.inventory.Inventory;
import io.kensa.analyze.scan.Detector;
import io.kensa.core.ScanReport;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;
import io.kensa.image.oci.HistoryEntry;
import io.kensa.image.oci.ImageConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Credentials in the image config, which every holder of the image can read: each {@code Env} entry
 * ({@code NAME=value}, the name giving the context), each label ({@code key=value}) and each history
 * {@code created_by} line (an {@code ENV} or {@code ARG} of the Dockerfile, a password on a {@code RUN} line).
 * Findings have no layer; their path is {@code config:Env}, {@code config:Labels} or {@code config:history[N]}
 * (N counting every history entry from 0), and their line is the entry's position (1-based) among the Env entries
 * or labels, or the line within the {@code created_by} text.
 */
public final class ConfigSecretDetector implements Detector {
    static final String ENV = "config:Env";
    static final String LABELS = "config:Labels";
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_TEXT = 1 << 20;

    private final SecretScanner scanner;

    public ConfigSecretDetector(SecretRuleSet rules) {
        this.scanner = rules.scanner();
    }

    @Override
    public ScanReport apply(ScanReport report, Inventory inventory, ImageConfig config) {
        if (config == null) {
            return report;
        }
        List<SecretFinding> found = new ArrayList<>();
        JsonNode cfg = config.raw() == null ? null : config.raw().path("config");
        if (cfg != null && cfg.isObject()) {
            JsonNode env = cfg.path("Env");
            if (env.isArray()) {
                for (int i = 0; i < Math.min(env.size(), MAX_ENTRIES); i++) {
                    JsonNode e = env.get(i);
                    if (e.isTextual()) {
                        scanEntry(ENV, i + 1, e.asText(), found);
                    }
                }
            }
            JsonNode labels = cfg.path("Labels");
            if (labels.isObject()) {
                int line = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext() && line < MAX_ENTRIES; ) {
                    Map.Entry<String, JsonNode> l = it.next();
                    line++;
                    scanEntry(LABELS, line, l.getKey() + "=" + l.getValue().asText(), found);
                }
            }
        }
        List<HistoryEntry> history = config.history();
        for (int i = 0; i < Math.min(history.size(), MAX_ENTRIES); i++) {
            String createdBy = history.get(i).createdBy();
            if (createdBy != null && !createdBy.isEmpty()) {
                scanText("config:history[" + i + "]", createdBy, found);
            }
        }
        if (found.isEmpty()) {
            return report;
        }
        List<SecretFinding> all = new ArrayList<>(report.secrets());
        all.addAll(found);
        return report.withSecrets(all);
    }

    /** One Env entry or label, alone on its line: reported at its position in the list. */
    private void scanEntry(String path, int position, String text, List<SecretFinding> out) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        for (SecretMatch m : scan(path, oneLine)) {
            out.add(finding(m, path, position));
        }
    }

    private void scanText(String path, String text, List<SecretFinding> out) {
        for (SecretMatch m : scan(path, text)) {
            out.add(finding(m, path, m.line()));
        }
    }

    private List<SecretMatch> scan(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return scanner.scan(path, bytes, Math.min(bytes.length, MAX_TEXT));
    }

    private static SecretFinding finding(SecretMatch m, String path, int line) {
        return new SecretFinding(m.ruleId(), m.category(), Severity.parse(m.severity()), m.title(), path, line, null,
                false, m.match(), m.example());
    }
}
