package io.kensa.db.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One prepared INSERT, executed in batches. */
final class BatchInsert implements AutoCloseable {
    private static final int BATCH = 10_000;

    private final PreparedStatement statement;
    private int pending;

    BatchInsert(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Binds {@code values} (Strings, numbers or nulls) in order and adds the row to the batch. */
    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
