package io.kensa.cli;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.license.LicenseDetector;
import io.kensa.analyze.license.LicensePolicy;
import io.kensa.analyze.malware.ClamdOptions;
import io.kensa.analyze.malware.ClamdScanner;
import io.kensa.analyze.malware.MalwareAnalyzer;
import io.kensa.analyze.malware.MalwareHashList;
import io.kensa.analyze.misconfig.MisconfigAnalyzers;
import io.kensa.analyze.misconfig.image.ImageMisconfigDetector;
import io.kensa.analyze.pkg.dpkg.DpkgCopyrightAnalyzer;
import io.kensa.analyze.scan.Detector;
import io.kensa.analyze.secret.ConfigSecretDetector;
import io.kensa.analyze.secret.SecretAnalyzer;
import io.kensa.analyze.secret.SecretRuleSet;
import io.kensa.core.KensaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a scan runs, from {@code --scanners} and the scanners' own flags: the analyzers of the layer pass (the
 * inventory's always, plus the secret, misconfiguration, license and malware ones asked for) and the detectors run
 * on the merged inventory. Everything a scanner needs (rule files, hash lists, clamd) is read or reached here,
 * before any layer is read, so a bad flag costs nothing. Closing it ends the clamd sessions.
 */
final class ScannerPlan implements AutoCloseable {
    private final AnalyzerRegistry analyzers;
    private final List<Detector> detectors;
    private final ClamdScanner clamd;
    private final boolean misconfig;

    private ScannerPlan(AnalyzerRegistry analyzers, List<Detector> detectors, ClamdScanner clamd, boolean misconfig) {
        this.analyzers = analyzers;
        this.detectors = List.copyOf(detectors);
        this.clamd = clamd;
        this.misconfig = misconfig;
    }

    static ScannerPlan open(ScannerOptions options) {
        Set<String> selected = options.selected();
        if (!selected.contains("malware") && (options.clamd != null || options.malwareHashes != null)) {
            throw new KensaException("--clamd and --malware-hashes need the malware scanner (--scanners ...,malware)");
        }
        List<Analyzer> analyzers = new ArrayList<>(AnalyzerRegistry.defaults().analyzers());
        List<Detector> detectors = new ArrayList<>();
        ClamdScanner clamd = null;
        if (selected.contains("secret")) {
            SecretRuleSet rules = options.secretConfig == null ? SecretRuleSet.builtin()
                    : SecretRuleSet.load(options.secretConfig);
            analyzers.add(new SecretAnalyzer(rules));
            detectors.add(new ConfigSecretDetector(rules));
        } else if (options.secretConfig != null) {
            throw new KensaException("--secret-config needs the secret scanner (--scanners ...,secret)");
        }
        if (selected.contains("misconfig")) {
            analyzers.addAll(MisconfigAnalyzers.all());
        }
        if (selected.contains("license")) {
            analyzers.add(new DpkgCopyrightAnalyzer());
            detectors.add(new LicenseDetector(options.licensePolicy == null ? LicensePolicy.defaults()
                    : LicensePolicy.load(options.licensePolicy)));
        } else if (options.licensePolicy != null) {
            throw new KensaException("--license-policy needs the license scanner (--scanners ...,license)");
        }
        if (selected.contains("malware")) {
            MalwareHashList hashes = options.malwareHashes == null ? MalwareHashList.builtin()
                    : MalwareHashList.load(options.malwareHashes);
            clamd = options.clamd == null ? null : ClamdScanner.connect(options.clamd,
                    ClamdOptions.defaults().withConnections(Math.max(2, Runtime.getRuntime().availableProcessors())));
            analyzers.add(new MalwareAnalyzer(hashes, clamd));
        }
        return new ScannerPlan(new AnalyzerRegistry(analyzers), detectors, clamd, selected.contains("misconfig"));
    }

    AnalyzerRegistry analyzers() {
        return analyzers;
    }

    /** The detectors for a root filesystem or an SBOM (no image references). */
    List<Detector> detectors() {
        return detectors(List.of());
    }

    /**
     * The detectors for an image known by {@code imageReferences} (the reference scanned, or an archive's tags):
     * the image checks look at its tag.
     */
    List<Detector> detectors(List<String> imageReferences) {
        if (!misconfig) {
            return detectors;
        }
        List<Detector> all = new ArrayList<>(detectors);
        all.add(new ImageMisconfigDetector(imageReferences));
        return all;
    }

    @Override
    public void close() {
        if (clamd != null) {
            clamd.close();
        }
    }
}
