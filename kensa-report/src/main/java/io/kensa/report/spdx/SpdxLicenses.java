package io.kensa.report.spdx;

import io.kensa.report.sbom.SpdxExpression;
import io.kensa.report.sbom.SpdxExpressions;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A package's declared license in one SPDX document. Each license string of the package becomes a valid SPDX
 * expression when it parses as one (and names no LicenseRef of its own), else a {@code LicenseRef-} to an extracted
 * licensing info that carries the string as its text; several strings are joined with {@code AND} (as Trivy does);
 * no strings is NOASSERTION.
 */
final class SpdxLicenses {
    private final SpdxDocument document;
    private final SpdxExpressions expressions;
    /** LicenseRef id of each free-text license already declared in the document, by text. */
    private final Map<String, String> refsByText = new HashMap<>();
    /** LicenseRef ids in use, lower-cased: the SPDX store matches ids case-insensitively. */
    private final Set<String> refIds = new HashSet<>();

    SpdxLicenses(SpdxDocument document, SpdxExpressions expressions) {
        this.document = document;
        this.expressions = expressions;
    }

    AnyLicenseInfo noAssertion() throws InvalidSPDXAnalysisException {
        return new SpdxNoAssertionLicense(document.getModelStore(), document.getDocumentUri());
    }

    AnyLicenseInfo declared(List<String> licenses) throws InvalidSPDXAnalysisException {
        List<String> present = licenses.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        if (present.isEmpty()) {
            return noAssertion();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String text : present) {
            Optional<SpdxExpression> parsed = expressions.parse(text).filter(e -> !refersToUndeclaredLicense(e));
            if (parsed.isPresent()) {
                terms.add(present.size() > 1 && !parsed.get().listedId() ? "(" + parsed.get().text() + ")" : parsed.get().text());
            } else {
                terms.add(licenseRef(text));
            }
        }
        AnyLicenseInfo info = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(String.join(" AND ", terms),
                document.getModelStore(), document.getDocumentUri(), document.getCopyManager());
        return info instanceof InvalidLicenseExpression ? noAssertion() : info;
    }

    /**
     * Whether an expression names a {@code LicenseRef-}/{@code DocumentRef-} this document has no text for: such
     * strings are kept whole as free text, so that every reference in the document is declared in it.
     */
    private static boolean refersToUndeclaredLicense(SpdxExpression expression) {
        String lower = expression.text().toLowerCase(Locale.ROOT);
        return lower.contains("licenseref-") || lower.contains("documentref-");
    }

    /** The id of the extracted licensing info for a free-text license, declared in the document on first use. */
    private String licenseRef(String text) throws InvalidSPDXAnalysisException {
        String existing = refsByText.get(text);
        if (existing != null) {
            return existing;
        }
        String id = uniqueRefId(text);
        ExtractedLicenseInfo info = document.createExtractedLicense(id, text);
        info.setName(text);
        document.addExtractedLicenseInfos(info);
        refsByText.put(text, id);
        return id;
    }

    private String uniqueRefId(String text) {
        String readable = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        String base = "LicenseRef-" + (readable.equals(text) ? readable
                : (readable.isEmpty() ? "" : readable + "-") + SpdxIds.hash16(text).substring(0, 8));
        String id = base;
        for (int n = 2; !refIds.add(id.toLowerCase(Locale.ROOT)); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
