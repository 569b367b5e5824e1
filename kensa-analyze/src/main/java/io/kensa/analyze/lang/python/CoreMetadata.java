package io.kensa.analyze.lang.python;

import java.util.List;

/**
 * What a distribution's core metadata ({@code METADATA}, {@code PKG-INFO}) says about it.
 *
 * @param name     the {@code Name} header as written (not normalised), null when absent
 * @param version  the {@code Version} header, null when absent
 * @param licenses license strings, see {@link CoreMetadataParser}
 */
record CoreMetadata(String name, String version, List<String> licenses) {
    CoreMetadata {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }
}
