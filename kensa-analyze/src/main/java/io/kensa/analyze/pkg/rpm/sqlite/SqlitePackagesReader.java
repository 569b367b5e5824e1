package io.kensa.analyze.pkg.rpm.sqlite;

import io.kensa.analyze.pkg.rpm.HeaderBlobSink;
import io.kensa.analyze.pkg.rpm.RpmDbFormatException;
import io.kensa.analyze.pkg.rpm.RpmDbReader;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads rpm's SQLite package database {@code rpmdb.sqlite} (rpm 4.16+: Fedora 33+, RHEL 9, CBL-Mariner 2,
 * Amazon Linux 2023): the table {@code Packages(hnum INTEGER PRIMARY KEY, blob BLOB)}, in {@code hnum} order.
 * The file is opened read-only and immutable (no journal, WAL or lock files are created, nothing is written).
 */
public final class SqlitePackagesReader implements RpmDbReader {

    @Override
    public void read(Path db, HeaderBlobSink sink) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        String url = "jdbc:sqlite:file:" + db.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
        try (Connection c = DriverManager.getConnection(url, config.toProperties())) {
            if (!hasPackagesTable(c)) {
                throw new RpmDbFormatException("SQLite database has no Packages table: not an rpm database");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT hnum, blob FROM Packages ORDER BY hnum");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long hnum = r.getLong(1);
                    byte[] blob = r.getBytes(2);
                    if (blob == null) {
                        sink.skipped(hnum, "Packages row " + hnum + " has no blob");
                    } else {
                        sink.header(hnum, blob);
                    }
                }
            }
        } catch (SQLException e) {
            throw new RpmDbFormatException("unreadable rpm SQLite database: " + e.getMessage(), e);
        }
    }

    private static boolean hasPackagesTable(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Packages'");
             ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }
}
