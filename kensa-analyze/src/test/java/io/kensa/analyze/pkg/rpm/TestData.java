package io.kensa.analyze.pkg.rpm;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real rpm databases under {@code src/test/resources/rpm} (see the README there). */
final class TestData {
    static final String MARINER = "mariner2-sqlite";
    static final String SLES = "sles15-ndb";
    static final String UBI8 = "ubi8-bdb";

    private TestData() {
    }

    static Path file(String dir, String name) {
        try {
            var url = TestData.class.getResource("/rpm/" + dir + "/" + name);
            if (url == null) {
                throw new IllegalStateException("missing test resource rpm/" + dir + "/" + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path marinerSqlite() {
        return file(MARINER, "rpmdb.sqlite");
    }

    static Path slesNdb() {
        return file(SLES, "Packages.db");
    }

    static Path ubi8Bdb() {
        return file(UBI8, "Packages");
    }

    static Path rpmQa(String dir) {
        return file(dir, "rpm-qa.tsv");
    }
}
