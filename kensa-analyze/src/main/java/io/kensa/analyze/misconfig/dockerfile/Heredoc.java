package io.kensa.analyze.misconfig.dockerfile;

/**
 * A here-document of a {@code RUN}, {@code COPY} or {@code ADD} ({@code <<EOF} … {@code EOF}).
 *
 * @param name      the delimiter word
 * @param content   the lines between the instruction and the delimiter, each ending with a newline (leading tabs
 *                  removed for {@code <<-})
 * @param expand    false when the delimiter was quoted ({@code <<"EOF"}, {@code <<'EOF'}): no variable expansion
 * @param stripTabs true for {@code <<-EOF}
 * @param line      1-based line of the first content line
 */
public record Heredoc(String name, String content, boolean expand, boolean stripTabs, int line) {
}
