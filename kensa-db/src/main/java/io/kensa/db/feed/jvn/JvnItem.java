package io.kensa.db.feed.jvn;

import java.time.Instant;
import java.util.List;

/**
 * One {@code item} of a JVNDB RSS document (RSS 1.0 with the mod_sec elements of jvnrss_3.2.xsd), as written.
 *
 * @param about       the item's {@code rdf:about}
 * @param identifier  {@code sec:identifier} ({@code JVNDB-2018-000024})
 * @param title       {@code title}, in the document's language
 * @param link        {@code link}: the entry's JVN iPedia page
 * @param description {@code description}
 * @param references  every {@code sec:references}
 * @param cvss        every {@code sec:cvss}
 * @param issued      {@code dcterms:issued}
 * @param modified    {@code dcterms:modified}
 * @param date        {@code dc:date}
 */
record JvnItem(String about, String identifier, String title, String link, String description,
               List<Reference> references, List<Cvss> cvss, String issued, String modified, String date) {

    /** {@code <sec:references source="CVE" id="CVE-2018-0546" title="…">url</sec:references>}. */
    record Reference(String source, String id, String title, String url) {
    }

    /** {@code <sec:cvss version="3.0" score="6.1" severity="Medium" vector="CVSS:3.0/…" type="Base"/>}. */
    record Cvss(String version, String score, String severity, String vector, String type) {
    }

    /** The channel's date and the document's language. */
    record Document(String lang, Instant date) {
    }
}
