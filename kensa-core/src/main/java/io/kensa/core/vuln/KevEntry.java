package io.kensa.core.vuln;

import java.time.LocalDate;

/**
 * An entry of CISA's Known Exploited Vulnerabilities catalog.
 *
 * @param cve                  the CVE id
 * @param dateAdded            when CISA added it
 * @param dueDate              the remediation due date for US federal agencies, may be null
 * @param knownRansomwareUse   {@code Known}, {@code Unknown}, or null
 */
public record KevEntry(String cve, LocalDate dateAdded, LocalDate dueDate, String knownRansomwareUse) {
}
