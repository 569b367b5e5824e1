package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import io.kensa.core.Package;
import io.kensa.core.vuln.VulnerabilityFinding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what VEX documents say of a vulnerability in one package instance.
 * <ul>
 *   <li>A statement is about the finding when one of its vulnerability ids is the finding's id or one of its
 *       aliases, and one of its products names the package: the product itself (no subcomponents), or a
 *       subcomponent of a product that is the scanned artifact or a package of the inventory holding this one
 *       ({@link ScanSubject}). A product naming the scanned artifact without subcomponents is about every package
 *       of it.</li>
 *   <li>Within a document the latest statement decides (its timestamp, else the document's), as OpenVEX says;
 *       when statements of the same time disagree, the one that does not suppress wins, so that a document never
 *       hides a finding it also calls affected.</li>
 *   <li>Across documents, the first document (in the order given) that has a statement about the finding decides,
 *       as Trivy orders its {@code --vex} sources.</li>
 * </ul>
 */
public final class VexMatcher {
    private final List<Indexed> documents;
    private final ProductIndex products;

    private record Indexed(VexDocument document, Map<String, List<VexStatement>> byId) {
    }

    public VexMatcher(List<VexDocument> documents, ScanSubject subject) {
        this.products = new ProductIndex(subject);
        this.documents = new ArrayList<>(documents.size());
        for (VexDocument d : documents) {
            Map<String, List<VexStatement>> byId = new HashMap<>();
            for (VexStatement s : d.statements()) {
                for (String id : s.vulnerabilityIds()) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
                }
            }
            this.documents.add(new Indexed(d, byId));
        }
    }

    /** The deciding statement for {@code finding} in {@code instance}, null when no document speaks of it. */
    public VexDecision decide(VulnerabilityFinding finding, Package instance) {
        List<PackageURL> purls = PackagePurls.of(instance);
        for (Indexed d : documents) {
            List<VexStatement> about = new ArrayList<>();
            Set<VexStatement> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String id : finding.allIds()) {
                for (VexStatement s : d.byId().getOrDefault(id.trim().toUpperCase(Locale.ROOT), List.of())) {
                    if (seen.add(s) && isAbout(s, instance, purls)) {
                        about.add(s);
                    }
                }
            }
            if (!about.isEmpty()) {
                return new VexDecision(d.document(), latest(about));
            }
        }
        return null;
    }

    private boolean isAbout(VexStatement s, Package instance, List<PackageURL> purls) {
        for (VexProduct p : s.products()) {
            if (p.subcomponents().isEmpty()) {
                if (matchesAny(p.product(), purls) || products.isArtifact(p.product())) {
                    return true;
                }
            } else if (anyMatches(p.subcomponents(), purls)
                    && (products.isArtifact(p.product()) || products.holds(p.product(), instance))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<PurlPattern> patterns, List<PackageURL> purls) {
        for (PurlPattern pattern : patterns) {
            if (matchesAny(pattern, purls)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(PurlPattern pattern, List<PackageURL> purls) {
        for (PackageURL purl : purls) {
            if (pattern.matches(purl)) {
                return true;
            }
        }
        return false;
    }

    /** The latest statement; among equally late ones, one that keeps the finding if any does, else the last. */
    private static VexStatement latest(List<VexStatement> statements) {
        Instant newest = null;
        for (VexStatement s : statements) {
            Instant t = s.timestamp() == null ? Instant.MIN : s.timestamp();
            if (newest == null || t.isAfter(newest)) {
                newest = t;
            }
        }
        VexStatement keeping = null;
        VexStatement suppressing = null;
        for (VexStatement s : statements) {
            Instant t = s.timestamp() == null ? Instant.MIN : s.timestamp();
            if (!t.equals(newest)) {
                continue;
            }
            if (s.status().suppresses()) {
                suppressing = s;
            } else if (keeping == null) {
                keeping = s;
            }
        }
        return keeping != null ? keeping : suppressing;
    }
}
