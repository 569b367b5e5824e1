package io.kensa.db.feed.ubuntu;

import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedArchives;
import io.kensa.db.feed.FeedFiles;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedText;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Ubuntu CVE Tracker (git.launchpad.net/ubuntu-cve-tracker), read from either form:
 * <ul>
 *   <li>a checkout of the tracker, {@code ubuntu/ubuntu-cve-tracker/}: the text files {@code active/CVE-*} and
 *       {@code retired/CVE-*} ({@link TrackerText});</li>
 *   <li>Vuls' JSON rendition of those files, {@code ubuntu/ubuntu-cve-tracker*.zip} holding {@code CVE-*.json}
 *       entries ({@link TrackerJson}).</li>
 * </ul>
 * A CVE present in both is taken from the tracker's own files. Rows are keyed by source package
 * ({@link TrackerAdvisories} says how statuses and Ubuntu Pro pockets become rows). A malformed file is skipped with
 * a warning; an archive that is not a zip fails the build. Neither form carries a date for the whole, so the
 * snapshot date is the newest {@code PublicDate} read.
 */
public final class UbuntuCveTrackerFeed implements Feed {
    public static final String ID = TrackerAdvisories.FEED;
    static final String DIR = "ubuntu";
    static final String CHECKOUT = "ubuntu/ubuntu-cve-tracker";
    /** Largest tracker file read (the biggest kernel CVE files are ~100 KB as text, ~300 KB as JSON). */
    static final int MAX_FILE_BYTES = 4 << 20;
    private static final Pattern CVE_FILE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CVE_JSON = Pattern.compile("CVE-\\d{4}-\\d{4,}\\.json");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return CHECKOUT + "{*.zip,/{active,retired}/}";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        if (feedsDir == null) {
            return false;
        }
        return Files.isDirectory(feedsDir.resolve(CHECKOUT).resolve("active")) || !zips(feedsDir).isEmpty();
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Loader loader = new Loader(db, warnings);
        for (String folder : List.of("active", "retired")) {
            Path dir = feedsDir.resolve(CHECKOUT).resolve(folder);
            if (Files.isDirectory(dir)) {
                FeedArchives.directory(dir, CHECKOUT + "/" + folder + "/",
                        name -> CVE_FILE.matcher(name).matches(), MAX_FILE_BYTES, warnings,
                        (name, bytes) -> loader.text(CHECKOUT + "/" + folder + "/" + name, bytes));
            }
        }
        for (Path zip : zips(feedsDir)) {
            String display = DIR + "/" + zip.getFileName();
            long entries = FeedArchives.zip(zip, display,
                    name -> CVE_JSON.matcher(FeedArchives.fileName(name)).matches(), MAX_FILE_BYTES, warnings,
                    (name, bytes) -> loader.json(display + "!" + name, bytes));
            if (entries == 0) {
                throw new KensaException(display + ": no tracker records (expected CVE-*.json entries)");
            }
        }
        return new FeedResult(loader.records, loader.newest);
    }

    private static List<Path> zips(Path feedsDir) {
        return FeedFiles.list(feedsDir, DIR, n -> n.startsWith("ubuntu-cve-tracker") && n.endsWith(".zip"));
    }

    /** Loads records one by one, remembering which CVEs are in and which unknown releases were reported. */
    private static final class Loader {
        private final DatabaseWriter db;
        private final FeedWarnings warnings;
        private final Set<String> loaded = new HashSet<>();
        private final Set<String> unknownReleases = new HashSet<>();
        private long records;
        private Instant newest;

        Loader(DatabaseWriter db, FeedWarnings warnings) {
            this.db = db;
            this.warnings = warnings;
        }

        void text(String where, byte[] bytes) throws SQLException {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                warnings.add(where, "not UTF-8 text, skipped");
                return;
            }
            TrackerCve cve;
            try {
                cve = TrackerText.parse(text);
            } catch (IllegalArgumentException e) {
                warnings.add(where, e.getMessage() + ", skipped");
                return;
            }
            add(where, cve);
        }

        void json(String where, byte[] bytes) throws SQLException {
            TrackerCve cve;
            try {
                cve = TrackerJson.parse(bytes);
            } catch (IllegalArgumentException e) {
                warnings.add(where, e.getMessage() + ", skipped");
                return;
            } catch (IOException e) {
                warnings.add(where, "not JSON (" + FeedText.printable(firstLine(e.getMessage())) + "), skipped");
                return;
            }
            add(where, cve);
        }

        private void add(String where, TrackerCve cve) throws SQLException {
            if (!CVE_FILE.matcher(cve.candidate()).matches()) {
                warnings.add(where, "candidate '" + FeedText.printable(cve.candidate()) + "' is not a CVE id, skipped");
                return;
            }
            if (!loaded.add(cve.candidate())) {
                return; // already read from the tracker's own files
            }
            TrackerAdvisories.Rows rows = TrackerAdvisories.of(cve, release -> {
                if (unknownReleases.add(release)) {
                    warnings.add(where, "release '" + FeedText.printable(release)
                            + "' is no known Ubuntu release, its lines skipped (reported once)");
                }
            }, problem -> warnings.add(where, FeedText.printable(problem)));
            for (AffectedPackage p : rows.packages()) {
                db.addAdvisory(p);
            }
            db.addVulnerability(rows.vulnerability());
            records++;
            if (cve.publicDate() != null && (newest == null || cve.publicDate().isAfter(newest))) {
                newest = cve.publicDate();
            }
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "";
            }
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }
}
