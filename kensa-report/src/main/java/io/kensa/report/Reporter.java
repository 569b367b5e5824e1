package io.kensa.report;

import io.kensa.core.ScanReport;

import java.io.IOException;
import java.io.OutputStream;

/** Formats a finished scan. Reporters never compute: everything they print is in the {@link ScanReport}. */
public interface Reporter {

    /** The value of {@code --format} that selects this reporter. */
    String format();

    void write(ScanReport report, OutputStream out) throws IOException;
}
