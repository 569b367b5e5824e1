package io.kensa.match.vex;

import java.util.List;

/**
 * A VEX document read from a file, its statements in document order.
 *
 * @param format     {@code openvex}, {@code cyclonedx} or {@code csaf}
 * @param source     where it was read from (the file name as given), for messages
 * @param id         the document's own id ({@code @id}, serial number, CSAF tracking id), may be null
 * @param author     who made the statements (author, publisher, manufacturer), may be null
 * @param statements the statements
 * @param warnings   what could not be used (a statement without a status, products named only by CPE …), one line
 *                   each, one line per kind of problem with its count
 */
public record VexDocument(String format, String source, String id, String author, List<VexStatement> statements,
                          List<String> warnings) {
    public VexDocument {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** Who said so, for a suppression reason: the author, else the document id, else the file. */
    public String attribution() {
        String who = author != null && !author.isBlank() ? author : id != null && !id.isBlank() ? id : null;
        return who == null ? source : who + " (" + source + ")";
    }
}
