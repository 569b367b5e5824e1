package io.kensa.db.feed.amazon;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedArchives;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.VulnerabilityRecord;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Amazon Linux Security Advisories (ALAS) for Amazon Linux 1, 2 and 2023, read from either form:
 * <ul>
 *   <li>the repositories' own {@code updateinfo.xml} (or {@code *-updateinfo.xml.gz} as repodata names it) anywhere
 *       under {@code amazon/} ({@link UpdateInfoXml});</li>
 *   <li>Vuls' JSON rendition of its {@code <update>} elements, {@code amazon/*.zip} holding one
 *       {@code <ALAS id>.json} per advisory ({@link AlasJson}).</li>
 * </ul>
 * An ALAS found in both is taken from {@code updateinfo.xml}. {@link AlasAdvisories} says what rows an ALAS gives.
 * The snapshot date is the newest issued or updated date read (neither form has one for the whole).
 */
public final class AmazonAlasFeed implements Feed {
    public static final String ID = AlasAdvisories.FEED;
    static final String DIR = "amazon";
    /** Largest JSON advisory read (the biggest, kernel updates listing every subpackage, are ~100 KB). */
    static final int MAX_RECORD_BYTES = 4 << 20;
    /** Largest updateinfo.xml read, uncompressed (Amazon Linux 2's is ~60 MB). */
    static final long MAX_XML_BYTES = 2L << 30;
    private static final int MAX_DEPTH = 6;

    private final long maxXmlBytes;

    public AmazonAlasFeed() {
        this(MAX_XML_BYTES);
    }

    /** A feed refusing an updateinfo.xml of more than {@code maxXmlBytes} (tests of the bound). */
    AmazonAlasFeed(long maxXmlBytes) {
        this.maxXmlBytes = maxXmlBytes;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return DIR + "/{*.zip,**/*updateinfo.xml(.gz)}";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        if (feedsDir == null || !Files.isDirectory(feedsDir.resolve(DIR))) {
            return false;
        }
        try {
            return !zips(feedsDir).isEmpty() || !updateInfos(feedsDir).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Loader loader = new Loader(db, warnings);
        for (Path xml : updateInfos(feedsDir)) {
            String display = FeedFiles.where(feedsDir, xml);
            try (InputStream in = FeedFiles.open(xml, display, maxXmlBytes)) {
                UpdateInfoXml.read(in, display, warnings, alas -> loader.add(display + " " + alas.id(), alas));
            }
        }
        for (Path zip : zips(feedsDir)) {
            String display = DIR + "/" + zip.getFileName();
            long entries = FeedArchives.zip(zip, display, name -> name.endsWith(".json") && FeedArchives.fileName(name)
                    .startsWith("ALAS"), MAX_RECORD_BYTES, warnings, (name, bytes) -> loader.json(display + "!" + name,
                    bytes));
            if (entries == 0) {
                throw new KensaException(display + ": no ALAS records (expected ALAS*.json entries)");
            }
        }
        loader.finish();
        return new FeedResult(loader.records, loader.newest);
    }

    private static List<Path> zips(Path feedsDir) {
        return FeedFiles.list(feedsDir, DIR, n -> n.endsWith(".zip"));
    }

    private static List<Path> updateInfos(Path feedsDir) throws IOException {
        try (Stream<Path> s = Files.walk(feedsDir.resolve(DIR), MAX_DEPTH)) {
            return s.filter(p -> isUpdateInfo(p.getFileName().toString()) && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }

    static boolean isUpdateInfo(String name) {
        return name.equals("updateinfo.xml") || name.equals("updateinfo.xml.gz") || name.endsWith("-updateinfo.xml")
                || name.endsWith("-updateinfo.xml.gz");
    }

    /** Loads advisories one by one, remembering which are in. */
    private static final class Loader {
        private final DatabaseWriter db;
        private final FeedWarnings warnings;
        private final Set<String> loaded = new HashSet<>();
        private final CveSummaries cves = new CveSummaries();
        private long records;
        private Instant newest;

        Loader(DatabaseWriter db, FeedWarnings warnings) {
            this.db = db;
            this.warnings = warnings;
        }

        void json(String where, byte[] bytes) throws SQLException {
            Alas alas;
            try {
                alas = AlasJson.parse(bytes);
            } catch (IllegalArgumentException e) {
                warnings.add(where, e.getMessage() + ", skipped");
                return;
            } catch (IOException e) {
                String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                warnings.add(where, "not JSON (" + FeedText.printable(m) + "), skipped");
                return;
            }
            if (alas != null) {
                add(where, alas);
            }
        }

        void add(String where, Alas alas) throws SQLException {
            if (!loaded.add(alas.id())) {
                return; // read from updateinfo.xml already
            }
            AlasAdvisories.Rows rows;
            try {
                rows = AlasAdvisories.of(alas, problem -> warnings.add(where, FeedText.printable(problem)));
            } catch (IllegalArgumentException e) {
                warnings.add(where, FeedText.printable(e.getMessage()) + ", skipped");
                return;
            }
            for (AffectedPackage p : rows.packages()) {
                db.addAdvisory(p);
            }
            db.addVulnerability(rows.advisory());
            cves.add(alas, rows.cves(), rows.advisory().severity());
            records++;
            Instant date = AlasAdvisories.newest(alas);
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }

        void finish() throws SQLException {
            for (VulnerabilityRecord v : cves.records()) {
                db.addVulnerability(v);
            }
        }
    }
}
