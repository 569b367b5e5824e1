package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.inventory.VisibleFile;
import io.kensa.analyze.misconfig.checks.Checks;
import io.kensa.core.misconfig.MisconfigFinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks on the files the container sees, from what {@link FileModeAnalyzer}, {@link AccountFilesAnalyzer}
 * and {@link SuspiciousFileAnalyzer} recorded in the layer pass: setuid/setgid files (CIS-DI-0008), credential
 * files (CIS-DI-0010), empty passwords (DKL-LI-0001), shared UIDs and GIDs (DKL-LI-0002) and unnecessary files
 * (DKL-LI-0003). Each finding names the file (absolute path) and the layer it comes from.
 */
final class ImageFileChecks {
    private static final String SOURCE = ImageMisconfigDetector.SOURCE;
    /** Most files quoted in one DKL-LI-0003 directory finding. */
    private static final int MAX_FILES_QUOTED = 5;

    private ImageFileChecks() {
    }

    /** The user names that {@code /etc/passwd} gives UID 0. */
    static Set<String> uid0Users(List<VisibleFile> files) {
        for (VisibleFile f : files) {
            FileResult r = f.result(AccountFilesAnalyzer.ID);
            if (r != null && f.path().equals(AccountFilesAnalyzer.PASSWD)) {
                String names = r.properties().get(AccountFilesAnalyzer.UID0);
                return names == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(names.split(",")));
            }
        }
        return Set.of();
    }

    static List<MisconfigFinding> run(List<VisibleFile> files) {
        List<MisconfigFinding> out = new ArrayList<>();
        Map<String, List<VisibleFile>> unnecessaryDirs = new LinkedHashMap<>();
        for (VisibleFile f : files) {
            String path = "/" + f.path();
            FileResult mode = f.result(FileModeAnalyzer.ID);
            if (mode != null) {
                setId(out, f, path, mode.properties().get(FileModeAnalyzer.MODE));
            }
            FileResult accounts = f.result(AccountFilesAnalyzer.ID);
            if (accounts != null) {
                accounts(out, f, path, accounts.properties());
            }
            FileResult suspicious = f.result(SuspiciousFileAnalyzer.ID);
            if (suspicious != null) {
                String kind = suspicious.properties().get(SuspiciousFileAnalyzer.KIND);
                if (SuspiciousFileAnalyzer.CREDENTIAL.equals(kind)) {
                    out.add(Checks.CIS_DI_0010.finding(SOURCE, List.of("credential file (by its name): " + path),
                            path, 0, f.layer()));
                } else if (SuspiciousFileAnalyzer.UNNECESSARY_FILE.equals(kind)) {
                    out.add(Checks.DKL_LI_0003.finding(SOURCE, List.of("unnecessary file: " + path), path, 0,
                            f.layer()));
                } else if (SuspiciousFileAnalyzer.UNNECESSARY_DIR.equals(kind)) {
                    unnecessaryDirs.computeIfAbsent(path.substring(0, path.lastIndexOf('/')), k -> new ArrayList<>())
                            .add(f);
                }
            }
        }
        unnecessaryDirs.forEach((dir, inside) -> {
            List<String> evidence = new ArrayList<>();
            evidence.add("unnecessary directory: " + dir + " (" + inside.size() + " file" + (inside.size() == 1 ? "" : "s")
                    + ")");
            for (VisibleFile f : inside.subList(0, Math.min(inside.size(), MAX_FILES_QUOTED))) {
                evidence.add("/" + f.path() + (f.layer() == null ? "" : " (layer " + f.layer() + ")"));
            }
            out.add(Checks.DKL_LI_0003.finding(SOURCE, evidence, dir, 0, inside.getFirst().layer()));
        });
        out.sort(java.util.Comparator.comparing(MisconfigFinding::path)); // stable: a file's findings keep their order
        return out;
    }

    private static void setId(List<MisconfigFinding> out, VisibleFile f, String path, String mode) {
        if (mode == null || !mode.matches("[0-7]{4}")) {
            return;
        }
        int bits = Integer.parseInt(mode, 8);
        boolean setuid = (bits & FileModeAnalyzer.SETUID) != 0;
        boolean setgid = (bits & FileModeAnalyzer.SETGID) != 0;
        if (setuid || setgid) {
            String what = setuid && setgid ? "setuid and setgid" : setuid ? "setuid" : "setgid";
            out.add(Checks.CIS_DI_0008.finding(SOURCE, List.of(path + " mode " + mode + " (" + what + ")"), path, 0,
                    f.layer()));
        }
    }

    private static void accounts(List<MisconfigFinding> out, VisibleFile f, String path, Map<String, String> props) {
        String empty = props.get(AccountFilesAnalyzer.EMPTY_PASSWORD);
        if (empty != null) {
            for (String user : empty.split(",")) {
                out.add(Checks.DKL_LI_0001.finding(SOURCE,
                        List.of("user '" + user + "' has an empty password field in " + path), path, 0, f.layer()));
            }
        }
        String what = f.path().equals(AccountFilesAnalyzer.GROUP) ? "GID" : "UID";
        new java.util.TreeMap<>(props).forEach((key, names) -> { // property maps have no stable order
            if (key.startsWith(AccountFilesAnalyzer.DUPLICATE_PREFIX)) {
                String id = key.substring(AccountFilesAnalyzer.DUPLICATE_PREFIX.length());
                out.add(Checks.DKL_LI_0002.finding(SOURCE,
                        List.of(what + " " + id + " is shared by " + names.replace(",", ", ") + " in " + path), path,
                        0, f.layer()));
            }
        });
    }
}
