package io.kensa.analyze.pkg.rpm;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds BerkeleyDB files with Debian's {@code db5.3_load} from {@code db_dump} text, and reads them back with
 * {@code db5.3_dump}: the reference implementation of the format, independent of Kensa's reader.
 */
final class BdbFixtures {
    record Pair(byte[] key, byte[] value) {
        String hexKey() {
            return HexFormat.of().formatHex(key);
        }

        String hexValue() {
            return HexFormat.of().formatHex(value);
        }
    }

    private BdbFixtures() {
    }

    /**
     * The (hnum, blob) rows of an rpm SQLite database, read with plain JDBC (not Kensa's reader), as rpm's BDB
     * records: the key is the instance in the writing host's byte order, {@code keyOrder}.
     */
    static List<Pair> sqliteRpmPairs(Path sqlite, ByteOrder keyOrder) throws SQLException {
        List<Pair> pairs = new ArrayList<>();
        String url = "jdbc:sqlite:file:" + sqlite.toUri().getRawPath() + "?mode=ro&immutable=1";
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (r.next()) {
                pairs.add(new Pair(instanceKey(r.getInt(1), keyOrder), r.getBytes(2)));
            }
        }
        return pairs;
    }

    /** rpm's BDB key: the header instance in the host's byte order. */
    static byte[] instanceKey(int instance, ByteOrder order) {
        return ByteBuffer.allocate(4).order(order).putInt(instance).array();
    }

    /** rpm's record 0 of {@code Packages}: the last instance number used. */
    static Pair rpmInstanceZero(int lastInstance, ByteOrder order) {
        return new Pair(instanceKey(0, order), instanceKey(lastInstance, order));
    }

    /** Loads {@code pairs} into a new hash database {@code db} with {@code db5.3_load -t hash} and options. */
    static void load(Path db, List<Pair> pairs, List<String> options, Path workDir)
            throws IOException, InterruptedException {
        Path dump = Files.createTempFile(workDir, "dump", ".txt");
        try (Writer w = Files.newBufferedWriter(dump, StandardCharsets.US_ASCII)) {
            w.write("VERSION=3\nformat=bytevalue\ntype=hash\nHEADER=END\n");
            for (Pair p : pairs) {
                w.write(" " + p.hexKey() + "\n " + p.hexValue() + "\n");
            }
            w.write("DATA=END\n");
        }
        List<String> command = new ArrayList<>(List.of(ExternalTools.DB_LOAD, "-t", "hash"));
        for (String o : options) {
            command.add("-c");
            command.add(o);
        }
        command.addAll(List.of("-f", dump.toString(), db.toString()));
        ExternalTools.run(command, workDir);
    }

    /** Every pair of {@code db} as {@code db5.3_dump} prints them. */
    static List<Pair> dump(Path db, Path workDir) throws IOException, InterruptedException {
        String text = ExternalTools.run(List.of(ExternalTools.DB_DUMP, db.toString()), workDir);
        List<String> lines = text.lines().toList();
        int start = lines.indexOf("HEADER=END") + 1;
        int end = lines.indexOf("DATA=END");
        if (start <= 0 || end < start || (end - start) % 2 != 0) {
            throw new IllegalStateException("unexpected db_dump output: " + text);
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = start; i < end; i += 2) {
            pairs.add(new Pair(HexFormat.of().parseHex(lines.get(i).strip()),
                    HexFormat.of().parseHex(lines.get(i + 1).strip())));
        }
        return pairs;
    }
}
