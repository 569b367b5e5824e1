package io.kensa.match.vex;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One VEX statement, whatever the format it came from: a vulnerability (by every id the document gives it), the
 * products it is about, and what it says of them.
 *
 * @param vulnerabilityIds the vulnerability's ids and aliases as written (CVE, GHSA, GO-…); matched case-insensitively
 * @param products         the products
 * @param status           the status
 * @param justification    why not affected ({@code vulnerable_code_not_in_execute_path} …), may be null
 * @param detail           the impact or action statement, may be null
 * @param timestamp        when the statement was made (its own time, else the document's), may be null
 */
public record VexStatement(Set<String> vulnerabilityIds, List<VexProduct> products, VexStatus status,
                           String justification, String detail, Instant timestamp) {
    public VexStatement {
        vulnerabilityIds = vulnerabilityIds.stream()
                .map(id -> id.trim().toUpperCase(Locale.ROOT))
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        products = List.copyOf(products);
    }
}
