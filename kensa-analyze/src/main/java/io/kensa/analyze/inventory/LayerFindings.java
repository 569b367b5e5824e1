package io.kensa.analyze.inventory;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.malware.MalwareMatch;
import io.kensa.analyze.secret.SecretMatch;
import io.kensa.core.malware.MalwareFinding;
import io.kensa.core.secret.SecretFinding;
import io.kensa.core.vuln.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The secrets and malware of every layer, each with its layer and whether the container still sees that file: a
 * file that a later layer deletes or replaces is still in the image (anyone with the image can read the layer),
 * so it is reported, marked {@code deleted}.
 */
final class LayerFindings {
    private final List<SecretFinding> secrets = new ArrayList<>();
    private final List<MalwareFinding> malware = new ArrayList<>();

    /** Collects the findings of all layers; {@code view} is the merged view after the last layer. */
    static LayerFindings collect(List<LayerResult> layers, MergedView view) {
        LayerFindings out = new LayerFindings();
        for (int i = 0; i < layers.size(); i++) {
            LayerResult layer = layers.get(i);
            for (FileResult r : layer.files()) {
                if (r.secrets().isEmpty() && r.malware().isEmpty()) {
                    continue;
                }
                boolean deleted = view.layerAt(r.path()) != i;
                String path = "/" + r.path();
                for (SecretMatch m : r.secrets()) {
                    out.secrets.add(new SecretFinding(m.ruleId(), m.category(), Severity.parse(m.severity()),
                            m.title(), path, m.line(), layer.diffId(), deleted, m.match(), m.example()));
                }
                for (MalwareMatch m : r.malware()) {
                    out.malware.add(new MalwareFinding(path, layer.diffId(), m.engine(), m.signature(),
                            MalwareSeverity.of(m.signature()), m.sha256(), deleted));
                }
            }
        }
        out.secrets.sort(Comparator.comparing(SecretFinding::path).thenComparingInt(SecretFinding::line)
                .thenComparing(SecretFinding::ruleId));
        out.malware.sort(Comparator.comparing(MalwareFinding::path).thenComparing(MalwareFinding::engine));
        return out;
    }

    List<SecretFinding> secrets() {
        return secrets;
    }

    List<MalwareFinding> malware() {
        return malware;
    }
}
