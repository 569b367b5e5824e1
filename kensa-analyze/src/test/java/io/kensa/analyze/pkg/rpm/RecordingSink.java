package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader yields, for assertions. */
final class RecordingSink implements HeaderBlobSink {
    record Blob(long instance, byte[] data) {
    }

    final List<Blob> blobs = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    static RecordingSink read(RpmDbReader reader, Path db) throws IOException {
        RecordingSink sink = new RecordingSink();
        reader.read(db, sink);
        return sink;
    }

    @Override
    public void header(long instance, byte[] blob) {
        blobs.add(new Blob(instance, blob));
    }

    @Override
    public void skipped(long instance, String reason) {
        skipped.add(reason);
    }

    List<RpmRow> rows() throws IOException {
        List<RpmRow> rows = new ArrayList<>();
        for (Blob b : blobs) {
            rows.add(RpmRow.of(b.data()));
        }
        return rows;
    }

    List<RpmRow> basicRows() throws IOException {
        return rows().stream().map(RpmRow::basic).toList();
    }
}
