package io.kensa.match.version;

import java.util.List;

/**
 * NuGet's versions, ordered as NuGet.Versioning's default {@code VersionComparer} orders {@code NuGetVersion}s.
 * <ul>
 * <li>Valid ({@code NuGetVersion.TryParse}): surrounding whitespace; 1 to 4 numbers ({@code System.Version}, each
 * 0 to 2^31-1, leading zeros allowed); then optionally {@code -} and {@code .}-separated release labels of
 * {@code [0-9A-Za-z-]} (numeric ones without leading zeros); then optionally {@code +} and metadata of the same
 * characters.</li>
 * <li>Order: the four numbers, a missing one being 0 ({@code 1.0 == 1.0.0 == 1.0.0.0}); a prerelease before its
 * release; release labels one by one: two labels that are 32-bit integers numerically, an integer before a
 * non-integer, otherwise case-insensitively ({@code 1.0.0-BETA == 1.0.0-beta}); a longer list after its prefix.
 * Metadata is ignored.</li>
 * <li>An invalid version sorts before every valid one, and such versions among themselves in plain string
 * order.</li>
 * </ul>
 *
 * @see <a href="https://learn.microsoft.com/nuget/concepts/package-versioning">NuGet package versioning</a>
 */
public final class NuGetVersionScheme implements VersionScheme {
    private static final String INT_MAX = "2147483647";

    @Override
    public String name() {
        return "nuget";
    }

    @Override
    public int compare(String a, String b) {
        Parsed va = parse(a);
        Parsed vb = parse(b);
        if (va == null || vb == null) {
            if (va == null && vb == null) {
                return Integer.signum(a.compareTo(b));
            }
            return va == null ? -1 : 1;
        }
        for (int i = 0; i < 4; i++) {
            int c = Digits.compare(va.numbers[i], vb.numbers[i]);
            if (c != 0) {
                return c;
            }
        }
        if (va.labels.isEmpty() || vb.labels.isEmpty()) {
            return Boolean.compare(va.labels.isEmpty(), vb.labels.isEmpty());
        }
        int n = Math.min(va.labels.size(), vb.labels.size());
        for (int i = 0; i < n; i++) {
            int c = compareLabel(va.labels.get(i), vb.labels.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(va.labels.size(), vb.labels.size());
    }

    @Override
    public boolean isValid(String version) {
        return parse(version) != null;
    }

    private record Parsed(String[] numbers, List<String> labels) {
    }

    private static Parsed parse(String version) {
        String s = version.strip();
        int plus = s.indexOf('+');
        String head = plus < 0 ? s : s.substring(0, plus);
        if (plus >= 0 && !validMetadata(s, plus + 1)) {
            return null;
        }
        int dash = head.indexOf('-');
        String numbersPart = dash < 0 ? head : head.substring(0, dash);
        String[] numbers = {"0", "0", "0", "0"};
        int count = 0;
        int start = 0;
        for (int i = 0; i <= numbersPart.length(); i++) {
            if (i == numbersPart.length() || numbersPart.charAt(i) == '.') {
                String n = component(numbersPart, start, i);
                if (count == 4 || n == null) {
                    return null;
                }
                numbers[count++] = n;
                start = i + 1;
            }
        }
        List<String> labels = List.of();
        if (dash >= 0) {
            labels = SemVer.identifiers(head, dash + 1, head.length(), true);
            if (labels == null) {
                return null;
            }
        }
        return new Parsed(numbers, labels);
    }

    /**
     * A {@code System.Version} component: digits, with spaces or tabs around them allowed ({@code int.TryParse}'s
     * {@code NumberStyles.Integer}; a sign cannot occur, NuGet cuts the version at {@code -} and {@code +}), at most
     * 2^31-1; its digits, or null.
     */
    private static String component(String s, int from, int to) {
        while (from < to && isDotNetSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isDotNetSpace(s.charAt(to - 1))) {
            to--;
        }
        if (!Digits.all(s, from, to) || Digits.compare(s, from, to, INT_MAX, 0, INT_MAX.length()) > 0) {
            return null;
        }
        return s.substring(from, to);
    }

    private static boolean isDotNetSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean validMetadata(String s, int from) {
        List<String> ids = SemVer.identifiers(s, from, s.length(), false);
        return ids != null;
    }

    /** NuGet's label order: both 32-bit integers numerically, an integer first, otherwise ignoring case. */
    private static int compareLabel(String a, String b) {
        Long an = int32(a);
        Long bn = int32(b);
        if (an != null && bn != null) {
            return Long.compare(an, bn);
        }
        if ((an != null) != (bn != null)) {
            return an != null ? -1 : 1;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = Character.compare(upper(a.charAt(i)), upper(b.charAt(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * The label as {@code int.TryParse} reads it (labels hold only {@code [0-9A-Za-z-]}, so the only sign possible is
     * a leading {@code -}: label {@code -1} is the number -1), or null when it is no 32-bit integer.
     */
    private static Long int32(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        if (!Digits.all(s, from, s.length())) {
            return null;
        }
        int p = from;
        while (p < s.length() - 1 && s.charAt(p) == '0') {
            p++;
        }
        if (s.length() - p > 10) {
            return null;
        }
        long v = Long.parseLong(s.substring(p));
        v = from == 1 ? -v : v;
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : null;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
