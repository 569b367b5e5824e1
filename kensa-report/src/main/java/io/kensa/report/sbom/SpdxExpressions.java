package io.kensa.report.sbom;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;
import org.spdx.library.model.v2.license.SpdxListedLicense;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.library.model.v2.license.SpdxNoneLicense;
import org.spdx.storage.simple.InMemSpdxStore;

import java.util.Optional;

/**
 * Tells which license strings are valid SPDX license expressions, with the SPDX Java library's parser and the
 * license list bundled in its jar (the library is kept offline by {@code resources/spdx-java-library.properties}).
 * Free text such as {@code GPLv2+}, and the placeholders NONE and NOASSERTION, are not expressions here;
 * {@code GPL-2.0-or-later} and {@code MIT AND BSD-3-Clause} are. Ids are matched case-insensitively, as SPDX says.
 *
 * <p>One instance serves one report: it parses into a scratch store of its own, never into a document.
 */
public final class SpdxExpressions {
    private static final String SCRATCH_URI = "https://kensa.dev/spdx/scratch";

    private InMemSpdxStore scratch;
    private ModelCopyManager copyManager;

    /** The SPDX model is initialised on the first license string: a report without licenses never pays for it. */
    private void init() {
        if (scratch == null) {
            SpdxModelFactory.init();
            scratch = new InMemSpdxStore();
            copyManager = new ModelCopyManager();
        }
    }

    /** The expression, or empty when the string is blank or not a valid SPDX license expression. */
    public Optional<SpdxExpression> parse(String license) {
        if (license == null || license.isBlank()) {
            return Optional.empty();
        }
        String trimmed = license.strip();
        init();
        try {
            AnyLicenseInfo info = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(trimmed, scratch, SCRATCH_URI, copyManager);
            if (info instanceof InvalidLicenseExpression || info instanceof SpdxNoneLicense
                    || info instanceof SpdxNoAssertionLicense) {
                return Optional.empty();
            }
            if (info instanceof SpdxListedLicense listed) {
                return Optional.of(new SpdxExpression(listed.getLicenseId(), true));
            }
            return Optional.of(new SpdxExpression(trimmed, false));
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
