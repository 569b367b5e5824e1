package io.kensa.match.version;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One named comparison of a table test: {@code a relation b} with relation {@code <}, {@code =} or {@code >}.
 * Tables are text blocks of lines {@code name | a | relation | b}; a version may be written with surrounding quotes
 * (to keep blanks), and {@code ""} is the empty string.
 */
record OrderCase(String name, String a, String relation, String b) {

    static List<OrderCase> table(String text) {
        List<OrderCase> cases = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 4 || !List.of("<", "=", ">").contains(f[2].strip())) {
                throw new IllegalArgumentException("bad table line: " + line);
            }
            cases.add(new OrderCase(f[0].strip(), unquote(f[1].strip()), f[2].strip(), unquote(f[3].strip())));
        }
        return List.copyOf(cases);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static Stream<Arguments> arguments(List<OrderCase> cases) {
        return cases.stream().map(c -> Arguments.of(Named.of(c.toString(), c)));
    }

    /** -1, 0 or 1. */
    int expectedSign() {
        return switch (relation) {
            case "<" -> -1;
            case "=" -> 0;
            default -> 1;
        };
    }

    /** The scheme orders {@code a} and {@code b} as the case says, both ways round. */
    void assertOrderedBy(VersionScheme scheme) {
        assertThat(Integer.signum(scheme.compare(a, b))).as("%s: compare(%s, %s)", name, a, b).isEqualTo(expectedSign());
        assertThat(Integer.signum(scheme.compare(b, a))).as("%s: compare(%s, %s)", name, b, a).isEqualTo(-expectedSign());
    }

    @Override
    public String toString() {
        return name + ": " + a + " " + relation + " " + b;
    }
}
