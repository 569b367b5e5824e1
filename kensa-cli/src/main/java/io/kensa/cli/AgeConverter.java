package io.kensa.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an age such as {@code 5d}, {@code 36h}, {@code 90m} or {@code 1d12h} (units w, d, h, m, s). */
final class AgeConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d{1,6})([wdhms])");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}[wdhms])+");

    @Override
    public Duration convert(String value) {
        String v = value.trim();
        if (!WHOLE.matcher(v).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an age such as 5d, 36h or 1d12h");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return total;
    }

    /** {@code 5 days}, {@code 36 hours}, {@code 90 minutes}: a limit as people read it. */
    static String describe(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toSeconds() % 3600 == 0) {
            return plural(d.toHours(), "hour");
        }
        if (d.toSeconds() % 60 == 0) {
            return plural(d.toMinutes(), "minute");
        }
        return plural(d.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
