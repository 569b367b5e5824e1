package io.kensa.report.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.report.sbom.SpdxExpression;
import io.kensa.report.sbom.SpdxExpressions;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a package's license strings into a CycloneDX 1.6 license choice:
 * <ul>
 *   <li>a package with exactly one license string that is a compound SPDX expression gets that {@code expression};</li>
 *   <li>otherwise each string becomes one {@code license}: by {@code id} when it is an SPDX license id that the
 *       CycloneDX schema lists (ids are matched case-insensitively and written as the list spells them), by
 *       {@code name} when it is free text (or a compound expression among other strings, which 1.6 cannot mix).</li>
 * </ul>
 */
final class CycloneDxLicenses {
    /** The license ids the CycloneDX schema accepts, read from the schema that cyclonedx-core-java bundles. */
    private static final Set<String> SCHEMA_LICENSE_IDS = loadSchemaLicenseIds();
    /** The same ids by their lower-case form, for the fast path that needs no SPDX parser. */
    private static final Map<String, String> SCHEMA_IDS_BY_LOWER_CASE = SCHEMA_LICENSE_IDS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(id -> id.toLowerCase(java.util.Locale.ROOT), id -> id,
                    (a, b) -> a));

    private final SpdxExpressions expressions;

    CycloneDxLicenses(SpdxExpressions expressions) {
        this.expressions = expressions;
    }

    /** The license choice, or null for a package without licenses. */
    LicenseChoice of(List<String> licenses) {
        List<String> present = licenses.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        if (present.isEmpty()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        if (present.stream().allMatch(CycloneDxLicenses::isSchemaId)) {
            // the common case (plain listed ids): no expression parsing needed
            for (String text : present) {
                License license = new License();
                license.setId(SCHEMA_IDS_BY_LOWER_CASE.get(text.toLowerCase(java.util.Locale.ROOT)));
                choice.addLicense(license);
            }
            return choice;
        }
        if (present.stream().noneMatch(t -> mayBeExpression(t) && !PlainLicenseExpression.certainlyInvalid(t))) {
            // free text such as "GPLv2+" or "MIT BSD": names, without waking the SPDX expression parser
            for (String text : present) {
                License license = new License();
                license.setName(text);
                choice.addLicense(license);
            }
            return choice;
        }
        if (present.size() == 1 && new PlainLicenseExpression(CycloneDxLicenses::isSchemaId).certainlyValid(present.getFirst())) {
            choice.setExpression(new Expression(present.getFirst()));
            return choice;
        }
        if (present.size() == 1) {
            Optional<SpdxExpression> only = expressions.parse(present.getFirst());
            if (only.isPresent() && !only.get().listedId()) {
                choice.setExpression(new Expression(only.get().text()));
                return choice;
            }
        }
        for (String text : present) {
            License license = new License();
            Optional<SpdxExpression> parsed = expressions.parse(text);
            if (parsed.isPresent() && parsed.get().listedId() && SCHEMA_LICENSE_IDS.contains(parsed.get().text())) {
                license.setId(parsed.get().text());
            } else {
                license.setName(text);
            }
            choice.addLicense(license);
        }
        return choice;
    }

    /**
     * False when {@code text} cannot be an SPDX license expression: some token is neither a listed license id
     * (with an optional {@code +}), a {@code LicenseRef-}/{@code DocumentRef-}, an operator, a parenthesis, nor an
     * exception after {@code WITH}. True means "ask the SPDX parser".
     */
    static boolean mayBeExpression(String text) {
        String[] tokens = text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
        boolean afterWith = false;
        for (String token : tokens) {
            String upper = token.toUpperCase(java.util.Locale.ROOT);
            if (afterWith) {
                afterWith = false;
                continue;
            }
            if (upper.equals("AND") || upper.equals("OR") || token.equals("(") || token.equals(")")) {
                continue;
            }
            if (upper.equals("WITH")) {
                afterWith = true;
                continue;
            }
            String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
            if (!isSchemaId(id) && !token.startsWith("LicenseRef-") && !token.startsWith("DocumentRef-")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSchemaId(String text) {
        return SCHEMA_IDS_BY_LOWER_CASE.containsKey(text.toLowerCase(java.util.Locale.ROOT));
    }

    private static Set<String> loadSchemaLicenseIds() {
        try (InputStream in = org.cyclonedx.CycloneDxSchema.class.getClassLoader().getResourceAsStream("spdx.schema.json")) {
            if (in == null) {
                return Set.of();
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Set<String> ids = new HashSet<>();
            root.path("enum").forEach(n -> ids.add(n.asText()));
            return Set.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CycloneDX SPDX license id schema", e);
        }
    }
}
