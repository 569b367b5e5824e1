package io.kensa.db.feed.ubuntu;

import io.kensa.db.feed.FeedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tracker file in its own text format ({@code active/CVE-YYYY-NNNN} of git.launchpad.net/ubuntu-cve-tracker, as
 * its README and {@code scripts/check-syntax} describe it): RFC-822-like {@code Field: value} lines whose value may
 * continue on lines starting with a space ({@code References:}, {@code Description:}, {@code Notes:},
 * {@code CVSS:} …), then per source package a {@code Patches_<pkg>:} block, optional {@code Tags_<pkg>:} and
 * {@code Priority_<pkg>[_<release>]:} lines, and one {@code <release>_<pkg>: <status> (<note>)} line per release.
 * Lines starting with {@code #} are comments. A line that is none of these makes the file malformed (the tracker's
 * own syntax check refuses it too).
 */
final class TrackerText {
    /** {@code <status>} or {@code <status> (<note>)}; the note may itself hold parentheses. */
    private static final Pattern STATUS = Pattern.compile("([A-Za-z][A-Za-z-]*)(?:\\s*\\((.*)\\))?\\s*");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.~-]*");
    private static final Pattern RELEASE = Pattern.compile("[a-z][a-z0-9.-]*(?:/[a-z][a-z0-9.-]*)?");
    /** An entry of {@code CVSS:}: {@code <who>: <vector> [<score> <SEVERITY>]}. */
    private static final Pattern CVSS = Pattern.compile("([A-Za-z0-9_.-]+):\\s*(.+)");

    private TrackerText() {
    }

    /** @throws IllegalArgumentException when the text is not a tracker file (the message names the line) */
    static TrackerCve parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String[]> statusLines = new ArrayList<>();
        Map<String, String> priorities = new HashMap<>(); // "<pkg>" or "<pkg>_<release>" -> priority
        List<String> current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                current = null;
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (current == null) {
                    throw new IllegalArgumentException("line " + lineNo + ": continuation line without a field");
                }
                current.add(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("line " + lineNo + ": not 'Field: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            current = new ArrayList<>();
            if (key.startsWith("Patches_") || key.startsWith("Tags_")) {
                continue; // patch links and tags: not needed for matching
            }
            if (key.startsWith("Priority_")) {
                priorities.put(key.substring("Priority_".length()), firstWord(value));
                continue;
            }
            int underscore = key.indexOf('_');
            if (underscore > 0) {
                String release = key.substring(0, underscore);
                String pkg = key.substring(underscore + 1);
                if (!RELEASE.matcher(release).matches() || !PACKAGE.matcher(pkg).matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ": '"
                            + FeedText.printable(FeedText.clip(key))
                            + "' is not <release>_<package>");
                }
                Matcher m = STATUS.matcher(value);
                if (!m.matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ": '"
                            + FeedText.printable(FeedText.clip(value))
                            + "' is not '<status> (<note>)'");
                }
                statusLines.add(new String[] {release, pkg, m.group(1), blankToNull(m.group(2))});
                current = null;
                continue;
            }
            current.add(value);
            fields.put(key, current);
        }
        String candidate = joined(fields.get("Candidate"), " ");
        if (candidate == null) {
            throw new IllegalArgumentException("no Candidate");
        }
        List<TrackerCve.PackageStatus> statuses = new ArrayList<>();
        for (String[] s : statusLines) {
            String priority = priorities.getOrDefault(s[1] + "_" + s[0], priorities.get(s[1]));
            statuses.add(new TrackerCve.PackageStatus(s[0], s[1], s[2], s[3], priority));
        }
        List<String> references = new ArrayList<>();
        for (String r : fields.getOrDefault("References", List.of())) {
            if (!r.isBlank()) {
                references.add(r);
            }
        }
        Map<String, String> cvss = new LinkedHashMap<>();
        for (String c : fields.getOrDefault("CVSS", List.of())) {
            Matcher m = CVSS.matcher(c);
            if (m.matches()) {
                cvss.put(m.group(1), m.group(2));
            }
        }
        String priority = joined(fields.get("Priority"), " ");
        return new TrackerCve(candidate, joined(fields.get("Description"), " "),
                joined(fields.get("Ubuntu-Description"), " "), priority == null ? null : firstWord(priority),
                TrackerDates.parse(joined(fields.get("PublicDate"), " ")), references, cvss, statuses);
    }

    private static String joined(List<String> parts, String separator) {
        if (parts == null) {
            return null;
        }
        String s = String.join(separator, parts.stream().filter(p -> !p.isBlank()).toList()).strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstWord(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
