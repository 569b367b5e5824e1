package io.kensa.analyze.lang.ruby;

import java.util.List;

/**
 * What a gemspec assigns literally: {@code name}, {@code version} and the licenses, each null (or empty) when the
 * file sets it to something that needs evaluating, or not at all.
 *
 * @param problems why a field could not be read, one line each
 */
record GemspecFields(String name, String version, List<String> licenses, List<String> problems) {

    GemspecFields {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
