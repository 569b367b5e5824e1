package io.kensa.analyze.engine;

import io.kensa.analyze.FileResult;
import io.kensa.core.Digest;
import io.kensa.core.KensaException;
import io.kensa.image.layer.LayerStream;
import io.kensa.image.layer.PathNames;
import io.kensa.image.tar.TarEntry;
import io.kensa.image.tar.TarFormatException;
import io.kensa.image.tar.TarReader;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over a layer's tar: each entry is looked at once, wanted files go to their analyzers,
 * whiteouts and links are recorded, and the layer's digests are verified at the end. Nothing is written to
 * disk except scratch copies of database files, and entries whose names leave the root are skipped.
 * <p>
 * A hard link at a wanted path shares its content with an earlier entry of the same layer. When the analyzers
 * of the target already read it, their results are copied to the link; when nobody read the target (a link to
 * an unwanted path, which could hide a package database), the link is returned as pending and
 * {@link #rescanHardlinks} reads the targets in a second pass.
 */
public final class LayerScanner {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final int MAX_WARNINGS = 100;
    private static final long MAX_SHARED_TARGET = 256L << 20;

    private final FileDispatcher dispatcher;
    private final int maxHeaderBytes;

    public LayerScanner(FileDispatcher dispatcher, int maxHeaderBytes) {
        this.dispatcher = dispatcher;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Reads the whole layer; the stream is finished (digests verified) before this returns. */
    public LayerScan scan(Digest diffId, LayerStream stream) throws IOException {
        List<FileResult> files = new ArrayList<>();
        Map<String, List<FileResult>> byPath = new HashMap<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        List<LinkRecord> links = new ArrayList<>();
        List<String> shadows = new ArrayList<>();
        Map<String, List<String>> pending = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        int unsafe = 0;
        long entries = 0;
        // inflate in large chunks: the tar reader's 512-byte reads then cost a copy, not a native call
        TarReader tar = new TarReader(new BufferedInputStream(stream, 1 << 16), maxHeaderBytes);
        try {
            TarEntry e;
            while ((e = tar.next()) != null) {
                entries++;
                String path = PathNames.normalize(e.name());
                if (path == null) {
                    unsafe++;
                    continue;
                }
                if (path.isEmpty()) {
                    continue;
                }
                String name = PathNames.fileName(path);
                if (name.startsWith(WHITEOUT)) {
                    String dir = PathNames.parent(path);
                    if (name.equals(OPAQUE)) {
                        opaque.add(dir);
                    } else {
                        String target = name.substring(WHITEOUT.length());
                        whiteouts.add(dir.isEmpty() ? target : dir + "/" + target);
                    }
                    continue;
                }
                switch (e.type()) {
                    case FILE -> {
                        int before = files.size();
                        dispatcher.dispatch(path, e.size(), e.mode(), tar.content(), files, warnings, skipped);
                        if (files.size() > before) {
                            byPath.put(path, List.copyOf(files.subList(before, files.size())));
                        }
                    }
                    case SYMLINK -> {
                        if (dispatcher.wanted(path)) {
                            links.add(new LinkRecord(path, PathNames.resolveLink(path, e.linkName()), false));
                        } else {
                            shadows.add(path);
                        }
                    }
                    case HARDLINK -> {
                        String target = PathNames.normalize(e.linkName());
                        if (target == null) {
                            unsafe++;
                        } else if (!dispatcher.wantedLink(path, e.mode())) {
                            shadows.add(path);
                        } else if (dispatcher.sameAnalyzers(path, target, e.mode())) {
                            for (FileResult r : byPath.getOrDefault(target, List.of())) {
                                files.add(r.withPath(path));
                            }
                        } else {
                            pending.computeIfAbsent(target, k -> new ArrayList<>()).add(path);
                        }
                    }
                    case OTHER -> shadows.add(path);
                    default -> {
                    }
                }
            }
            stream.finish();
        } catch (TarFormatException ex) {
            throw new KensaException("layer " + diffId + ": " + ex.getMessage());
        }
        if (unsafe > 0) {
            warnings.add(unsafe + " entr" + (unsafe == 1 ? "y" : "ies") + " of layer " + diffId.shortHex()
                    + " with names or link targets leaving the image root were ignored");
        }
        List<String> bounded = warnings.size() > MAX_WARNINGS ? warnings.subList(0, MAX_WARNINGS) : warnings;
        return new LayerScan(new LayerResult(diffId.toString(), files, whiteouts, opaque, links, shadows, entries,
                bounded, skipped), pending);
    }

    /**
     * The second pass for pending hard links: each target's content is given to the analyzers of every link
     * path that shares it; returns the layer result with those files added.
     */
    public LayerResult rescanHardlinks(LayerResult first, Map<String, List<String>> pending, LayerStream stream)
            throws IOException {
        List<FileResult> files = new ArrayList<>(first.files());
        List<String> warnings = new ArrayList<>(first.warnings());
        Map<String, Long> skipped = new HashMap<>(first.skipped());
        TarReader tar = new TarReader(new BufferedInputStream(stream, 1 << 16), maxHeaderBytes);
        try {
            TarEntry e;
            while ((e = tar.next()) != null) {
                String path = PathNames.normalize(e.name());
                List<String> linkPaths = path == null || e.type() != TarEntry.Type.FILE ? null : pending.get(path);
                if (linkPaths == null) {
                    continue;
                }
                if (linkPaths.size() == 1) {
                    dispatcher.dispatch(linkPaths.getFirst(), e.size(), e.mode(), tar.content(), files, warnings,
                            skipped);
                } else if (e.size() <= MAX_SHARED_TARGET) {
                    byte[] data = tar.content().readNBytes((int) e.size());
                    for (String link : linkPaths) {
                        dispatcher.dispatch(link, data.length, e.mode(), new ByteArrayInputStream(data), files, warnings,
                                skipped);
                    }
                }
            }
            stream.finish();
        } catch (TarFormatException ex) {
            throw new KensaException("layer " + first.diffId() + ": " + ex.getMessage());
        }
        return new LayerResult(first.diffId(), files, first.whiteouts(), first.opaqueDirs(), first.links(),
                first.shadows(), first.entries(), warnings, skipped);
    }
}
