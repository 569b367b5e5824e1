package io.kensa.match.filter;

import io.kensa.core.Package;
import io.kensa.core.vuln.SuppressedFinding;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.match.vex.ScanSubject;
import io.kensa.match.vex.VexDecision;
import io.kensa.match.vex.VexDocument;
import io.kensa.match.vex.VexMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --vex FILE…}: takes out the package instances of a finding that a VEX statement says are
 * {@code not_affected} or {@code fixed} ({@link VexMatcher} says which statement decides); {@code affected} and
 * {@code under_investigation} statements keep the finding.
 */
public final class VexFilter implements FindingFilter {
    public static final String NAME = "vex";

    private final VexMatcher matcher;

    public VexFilter(List<VexDocument> documents, ScanSubject subject) {
        this.matcher = new VexMatcher(documents, subject);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterStep apply(List<VulnerabilityFinding> findings) {
        List<VulnerabilityFinding> kept = new ArrayList<>(findings.size());
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (VulnerabilityFinding f : findings) {
            List<Package> keptInstances = new ArrayList<>();
            Map<String, List<Package>> suppressedByReason = new LinkedHashMap<>();
            for (Package instance : f.packages()) {
                VexDecision decision = matcher.decide(f, instance);
                if (decision != null && decision.suppresses()) {
                    suppressedByReason.computeIfAbsent(decision.reason(), r -> new ArrayList<>()).add(instance);
                } else {
                    keptInstances.add(instance);
                }
            }
            if (!keptInstances.isEmpty()) {
                kept.add(FindingInstances.withPackages(f, keptInstances));
            }
            suppressedByReason.forEach((reason, instances) ->
                    suppressed.add(new SuppressedFinding(FindingInstances.withPackages(f, instances), NAME, reason)));
        }
        return new FilterStep(kept, suppressed);
    }
}
