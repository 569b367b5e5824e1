package io.kensa.analyze.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kensa.analyze.FileResult;

import java.util.List;
import java.util.Map;

/**
 * Everything the analyzers found in one layer: pure data, keyed by the layer's diffID and cached as such.
 *
 * @param diffId     sha256 of the uncompressed layer
 * @param files      one result per analysed file
 * @param whiteouts  paths this layer deletes from the layers below ({@code .wh.<name>})
 * @param opaqueDirs directories whose lower-layer content this layer hides ({@code .wh..wh..opq})
 * @param links      symbolic links at paths some analyzer wants
 * @param shadows    other non-directory entries (links, devices) at paths nobody reads: each hides whatever
 *                   the layers below had at and under that path, as when a link replaces a directory
 * @param entries    number of tar entries read
 * @param warnings   problems that did not stop the scan (unsafe entries skipped, unreadable files)
 * @param skipped    files analyzers declined to read, counted by {@code analyzer: reason} (e.g.
 *                   {@code secret: binary} → 1200)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LayerResult(String diffId, List<FileResult> files, List<String> whiteouts, List<String> opaqueDirs,
                          List<LinkRecord> links, List<String> shadows, long entries, List<String> warnings,
                          Map<String, Long> skipped) {

    public LayerResult(String diffId, List<FileResult> files, List<String> whiteouts, List<String> opaqueDirs,
                       List<LinkRecord> links, List<String> shadows, long entries, List<String> warnings) {
        this(diffId, files, whiteouts, opaqueDirs, links, shadows, entries, warnings, Map.of());
    }

    public LayerResult {
        files = files == null ? List.of() : List.copyOf(files);
        whiteouts = whiteouts == null ? List.of() : List.copyOf(whiteouts);
        opaqueDirs = opaqueDirs == null ? List.of() : List.copyOf(opaqueDirs);
        links = links == null ? List.of() : List.copyOf(links);
        shadows = shadows == null ? List.of() : List.copyOf(shadows);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
    }
}
