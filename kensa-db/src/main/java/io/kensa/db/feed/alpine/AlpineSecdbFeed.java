package io.kensa.db.feed.alpine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kensa.core.KensaException;
import io.kensa.db.feed.Feed;
import io.kensa.db.feed.FeedResult;
import io.kensa.db.feed.FeedWarnings;
import io.kensa.db.model.AffectedPackage;
import io.kensa.db.model.AffectedRange;
import io.kensa.db.store.DatabaseWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Alpine's security database, secdb ({@code https://secdb.alpinelinux.org/<branch>/<repository>.json}), in the
 * same layout in the feeds folder: {@code alpine/secdb/<branch>/{main,community}.json}, one folder per branch
 * ({@code v3.11} is the namespace {@code alpine:3.11}, {@code edge} is {@code alpine:edge}). Alpine's one source of
 * affected packages. Each {@code packages[].pkg.secfixes} entry {@code "<fixed version>": ["CVE-… [other ids]", …]}
 * says that the package (an apk origin) is fixed in that version for each id (the first word of each string): one
 * advisory per package, id and fixed version. A fixed version of {@code 0} means the package was never affected on
 * that branch: no advisory (a real fixed version listed for the same id elsewhere still gives one). The format has
 * no date: the snapshot is the newest modification time of the files read.
 */
public final class AlpineSecdbFeed implements Feed {
    public static final String ID = "alpine-secdb";
    public static final String DIR = "alpine/secdb";
    static final List<String> REPOSITORIES = List.of("main", "community");
    /** secdb files are a few hundred KiB; a file larger than this is not one. */
    static final long MAX_FILE = 64L << 20;
    private static final Pattern BRANCH = Pattern.compile("v(\\d{1,2}\\.\\d{1,3})|edge");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build()).build();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String source() {
        return DIR + "/";
    }

    @Override
    public boolean presentIn(Path feedsDir) {
        return feedsDir != null && Files.isDirectory(feedsDir.resolve(DIR));
    }

    /** The namespace of a branch folder ({@code v3.11}, {@code edge}); null for any other name. */
    static String namespace(String branch) {
        var m = BRANCH.matcher(branch);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "alpine:edge" : "alpine:" + m.group(1);
    }

    @Override
    public FeedResult load(Path feedsDir, DatabaseWriter db, FeedWarnings warnings) throws IOException, SQLException {
        Path root = feedsDir.resolve(DIR);
        List<Path> branches;
        try (Stream<Path> list = Files.list(root)) {
            branches = list.filter(Files::isDirectory).sorted().toList();
        }
        long records = 0;
        long neverAffected = 0;
        int files = 0;
        Instant newest = null;
        for (Path branch : branches) {
            String name = branch.getFileName().toString();
            String namespace = namespace(name);
            if (namespace == null) {
                warnings.add(DIR + "/" + name, "not a branch folder (vX.Y or edge), skipped");
                continue;
            }
            for (String repository : REPOSITORIES) {
                Path file = branch.resolve(repository + ".json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String where = DIR + "/" + name + "/" + repository + ".json";
                Counts c = loadFile(file, where, namespace, db, warnings);
                records += c.advisories;
                neverAffected += c.neverAffected;
                files++;
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                newest = newest == null || modified.isAfter(newest) ? modified : newest;
            }
        }
        if (files == 0) {
            throw new KensaException(DIR + ": no <branch>/main.json or community.json");
        }
        db.putMetadata(ID + ".skipped", String.format("%,d files, %,d advisories; %,d fixed versions of 0 (never"
                + " affected on the branch)", files, records, neverAffected));
        return new FeedResult(records, newest);
    }

    private static final class Counts {
        long advisories;
        long neverAffected;
    }

    private static Counts loadFile(Path file, String where, String namespace, DatabaseWriter db,
                                   FeedWarnings warnings) throws IOException, SQLException {
        if (Files.size(file) > MAX_FILE) {
            throw new KensaException(where + ": larger than " + (MAX_FILE >> 20) + " MiB: not a secdb file");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new KensaException(where + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("packages").isArray()) {
            throw new KensaException(where + ": not a secdb file (no packages array)");
        }
        Counts counts = new Counts();
        int index = -1;
        for (JsonNode p : root.path("packages")) {
            index++;
            JsonNode pkg = p.path("pkg");
            String name = pkg.path("name").asText("");
            if (!pkg.path("name").isTextual() || name.isBlank()) {
                warnings.add(where + " packages[" + index + "]", "no package name, skipped");
                continue;
            }
            JsonNode secfixes = pkg.path("secfixes");
            if (secfixes.isMissingNode() || secfixes.isNull()) {
                continue;
            }
            if (!secfixes.isObject()) {
                warnings.add(where + " " + name, "secfixes is not an object, skipped");
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, JsonNode> fix : secfixes.properties()) {
                String version = fix.getKey().strip();
                if (!fix.getValue().isArray() || version.isEmpty()) {
                    warnings.add(where + " " + name, "secfixes '" + clip(fix.getKey())
                            + "' is not a version with a list of ids, skipped");
                    continue;
                }
                for (JsonNode line : fix.getValue()) {
                    String id = line.isTextual() ? firstWord(line.asText()) : null;
                    if (id == null) {
                        warnings.add(where + " " + name, "secfixes '" + clip(version) + "': '" + clip(line.toString())
                                + "' is not an id, skipped");
                        continue;
                    }
                    if (version.equals("0")) {
                        counts.neverAffected++;
                        continue;
                    }
                    if (seen.add(id + "\n" + version)) {
                        db.addAdvisory(new AffectedPackage(namespace, name, id, ID,
                                List.of(AffectedRange.fixedIn(version)), List.of(), null, null));
                        counts.advisories++;
                    }
                }
            }
        }
        return counts;
    }

    private static String firstWord(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        int space = 0;
        while (space < t.length() && !Character.isWhitespace(t.charAt(space))) {
            space++;
        }
        return t.substring(0, space);
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
