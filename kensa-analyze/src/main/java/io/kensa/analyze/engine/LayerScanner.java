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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass over a layer's tar: each entry is looked at once, wanted files go to their analyzers,
 * whiteouts and links are recorded, and the layer's digests are verified at the end. Nothing is written to
 * disk except scratch copies of database files, and entries whose names leave the root are skipped.
 */
public final class LayerScanner {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final int MAX_WARNINGS = 100;

    private final FileDispatcher dispatcher;
    private final int maxHeaderBytes;

    public LayerScanner(FileDispatcher dispatcher, int maxHeaderBytes) {
        this.dispatcher = dispatcher;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Reads the whole layer; the stream is finished (digests verified) before this returns. */
    public LayerResult scan(Digest diffId, LayerStream stream) throws IOException {
        List<FileResult> files = new ArrayList<>();
        List<String> whiteouts = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        List<LinkRecord> links = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
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
                    case FILE -> dispatcher.dispatch(path, e.size(), e.mode(), tar.content(), files, warnings);
                    case SYMLINK -> {
                        if (dispatcher.wanted(path)) {
                            links.add(new LinkRecord(path, PathNames.resolveLink(path, e.linkName()), false));
                        }
                    }
                    case HARDLINK -> {
                        String target = PathNames.normalize(e.linkName());
                        if (target == null) {
                            unsafe++;
                        } else if (dispatcher.wanted(path)) {
                            links.add(new LinkRecord(path, target, true));
                        }
                    }
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
        return new LayerResult(diffId.toString(), files, whiteouts, opaque, links, entries, bounded);
    }
}
