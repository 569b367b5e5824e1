package io.kensa.analyze.misconfig.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kensa's own Dockerfile parser, following the Dockerfile reference (BuildKit's frontend):
 * <ul>
 *   <li>parser directives at the very top ({@code # syntax=…}, {@code # escape=`}, {@code # check=…}); the first
 *       line that is not one ends them;</li>
 *   <li>continuation lines (the escape character at the end of a line, blanks after it allowed), with comment lines
 *       and empty lines inside a continued instruction skipped;</li>
 *   <li>here-documents on {@code RUN}, {@code COPY} and {@code ADD}: {@code <<EOF}, {@code <<-EOF} (leading tabs
 *       removed), {@code <<"EOF"}/{@code <<'EOF'} (no expansion), several on one line;</li>
 *   <li>flags ({@code --platform}, {@code --mount}, {@code --chmod} …), the JSON (exec) form and the shell form;</li>
 *   <li>stages ({@code FROM image [AS name]}), global {@code ARG}s before the first {@code FROM}, and variable
 *       substitution ({@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} …, see {@link ShellWords}) in the
 *       instructions that have it, with {@code ARG} and {@code ENV} scoped per stage as the builder does (ENV
 *       wins over ARG; a stage built on an earlier stage inherits its ENV).</li>
 * </ul>
 * Every instruction keeps its 1-based start line. What the builder rejects is a {@link DockerfileException} naming
 * the line: an unknown instruction, an unterminated here-document, an instruction before the first {@code FROM}
 * (other than {@code ARG}), a file without {@code FROM}, a malformed {@code FROM} or {@code ENV}, a bad escape
 * directive, a file that is not UTF-8 text or is larger than {@link #MAX_BYTES}.
 */
public final class DockerfileParser {
    /** Largest Dockerfile read. */
    public static final long MAX_BYTES = 4L << 20;

    private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Set<String> WITH_FLAGS = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");
    private static final Set<String> WITH_HEREDOCS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> WITH_EXEC_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "ADD", "COPY",
            "VOLUME");
    private static final Set<String> EXPANDED = Set.of("ADD", "COPY", "EXPOSE", "LABEL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<\\S])<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2(?=\\s|$)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final List<String> lines;
    private final Map<String, String> directives = new LinkedHashMap<>();
    private char escape = '\\';
    private int next;

    private DockerfileParser(String file, String text) {
        this.file = file;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> ls = new ArrayList<>();
        for (String l : t.split("\n", -1)) {
            ls.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        this.lines = ls;
    }

    /** Reads and parses the Dockerfile at {@code path}; {@code name} is how messages call it. */
    public static Dockerfile parse(Path path, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new DockerfileException(name, 0, "larger than " + MAX_BYTES + " bytes, not read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DockerfileException(name, 0, "not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            throw new DockerfileException(name, 0, "not a text file (it holds NUL bytes)");
        }
        return parse(text, name);
    }

    /** Parses Dockerfile text; {@code name} is how messages call the file. */
    public static Dockerfile parse(String text, String name) {
        DockerfileParser p = new DockerfileParser(name, text);
        p.directives();
        return new Stages(p.file, p.escape, p.directives).build(p.instructions());
    }

    private void directives() {
        while (next < lines.size()) {
            Matcher m = DIRECTIVE.matcher(lines.get(next));
            if (!m.matches()) {
                break;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!DIRECTIVES.contains(key)) {
                break; // an unknown directive is a comment, and ends the directives
            }
            if (directives.containsKey(key)) {
                throw new DockerfileException(file, next + 1, "only one " + key + " parser directive can be used");
            }
            directives.put(key, m.group(2));
            next++;
        }
        String e = directives.get("escape");
        if (e != null) {
            if (!e.equals("\\") && !e.equals("`")) {
                throw new DockerfileException(file, 0, "invalid escape directive '" + e + "': must be ` or \\");
            }
            escape = e.charAt(0);
        }
    }

    private List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>();
        while (next < lines.size()) {
            String first = lines.get(next);
            String stripped = first.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                next++;
                continue;
            }
            int start = next;
            StringBuilder logical = new StringBuilder();
            int last = next;
            while (true) {
                String cur = lines.get(next);
                String trimmed = cur.stripTrailing();
                last = next;
                next++;
                if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
                    logical.append(trimmed, 0, trimmed.length() - 1);
                    while (next < lines.size() && (lines.get(next).isBlank() || lines.get(next).strip().startsWith("#"))) {
                        next++;
                    }
                    if (next >= lines.size()) {
                        break;
                    }
                } else {
                    logical.append(cur);
                    break;
                }
            }
            out.add(instruction(logical.toString().strip(), start + 1, last + 1));
        }
        return out;
    }

    private Instruction instruction(String logical, int line, int endLine) {
        int sp = 0;
        while (sp < logical.length() && !Character.isWhitespace(logical.charAt(sp))) {
            sp++;
        }
        String keyword = logical.substring(0, sp).toUpperCase(Locale.ROOT);
        String rest = logical.substring(sp).strip();
        if (!KEYWORDS.contains(keyword)) {
            throw new DockerfileException(file, line, "unknown instruction: " + shorten(logical.substring(0, sp)));
        }
        List<String> flags = new ArrayList<>();
        if (WITH_FLAGS.contains(keyword)) {
            int i = 0; // index-based: a line of many flags is not copied once per flag
            while (rest.startsWith("--", i)) {
                int end = i;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                flags.add(rest.substring(i, end));
                i = end;
                while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
                    i++;
                }
            }
            rest = rest.substring(i);
        }
        if (keyword.equals("ONBUILD")) {
            String inner = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (!KEYWORDS.contains(inner) || Set.of("ONBUILD", "FROM", "MAINTAINER").contains(inner)) {
                throw new DockerfileException(file, line, "ONBUILD needs an instruction other than ONBUILD, FROM or "
                        + "MAINTAINER, not '" + shorten(rest) + "'");
            }
        }
        List<Heredoc> heredocs = new ArrayList<>();
        if (WITH_HEREDOCS.contains(keyword)) {
            Matcher m = HEREDOC.matcher(rest);
            while (m.find()) {
                heredocs.add(heredoc(m.group(3), m.group(1).equals("-"), m.group(2).isEmpty(), line));
                endLine = next;
            }
        }
        List<String> exec = WITH_EXEC_FORM.contains(keyword) && heredocs.isEmpty() ? execForm(rest) : null;
        return new Instruction(keyword, flags, rest, exec, heredocs, line, endLine, List.of(), false);
    }

    /** Reads the lines of a here-document up to its delimiter; {@code next} ends after the delimiter line. */
    private Heredoc heredoc(String name, boolean stripTabs, boolean expand, int line) {
        int contentLine = next + 1;
        StringBuilder content = new StringBuilder();
        while (next < lines.size()) {
            String l = lines.get(next++);
            String cmp = stripTabs ? stripLeadingTabs(l) : l;
            if (cmp.stripTrailing().equals(name)) {
                return new Heredoc(name, content.toString(), expand, stripTabs, contentLine);
            }
            content.append(cmp).append('\n');
        }
        throw new DockerfileException(file, line, "unterminated here-document <<" + name + " (no line '" + name + "')");
    }

    private static List<String> execForm(String rest) {
        if (!rest.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(rest);
            if (node == null || !node.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    return null;
                }
                out.add(n.asText());
            }
            return out;
        } catch (JsonProcessingException e) {
            return null; // not JSON: the shell form, as the builder reads it
        }
    }

    private static String stripLeadingTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') {
            i++;
        }
        return s.substring(i);
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The second pass: instructions into stages, with ARG/ENV scoping and variable substitution. */
    private static final class Stages {
        private final String file;
        private final char escape;
        private final Map<String, String> directives;
        private final Map<String, String> globals = new HashMap<>();
        private final List<Instruction> globalArgs = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final List<Map<String, String>> stageEnvs = new ArrayList<>();

        Stages(String file, char escape, Map<String, String> directives) {
            this.file = file;
            this.escape = escape;
            this.directives = directives;
        }

        Dockerfile build(List<Instruction> instructions) {
            Instruction from = null;
            List<Instruction> body = new ArrayList<>();
            Map<String, String> env = new HashMap<>();
            Map<String, String> args = new HashMap<>();
            int parent = -1;
            String image = null;
            String name = null;
            for (Instruction in : instructions) {
                if (in.keyword().equals("FROM")) {
                    if (from != null) {
                        close(from, image, name, parent, body, env);
                    }
                    ShellWords.Result r = new ShellWords(escape, globals::get).words(in.arguments());
                    List<String> w = r.words();
                    if (w.isEmpty()) {
                        throw new DockerfileException(file, in.line(), "FROM needs an image");
                    }
                    if (!(w.size() == 1 || w.size() == 3 && w.get(1).equalsIgnoreCase("AS"))) {
                        throw new DockerfileException(file, in.line(), "FROM takes an image and optionally AS name, not '"
                                + shorten(in.arguments()) + "'");
                    }
                    from = in.withExpansion(w, r.undefined());
                    image = w.getFirst();
                    name = w.size() == 3 ? w.get(2).toLowerCase(Locale.ROOT) : null;
                    parent = stageNamed(image);
                    body = new ArrayList<>();
                    env = parent >= 0 ? new HashMap<>(stageEnvs.get(parent)) : new HashMap<>();
                    args = new HashMap<>();
                    continue;
                }
                if (from == null) {
                    if (!in.keyword().equals("ARG")) {
                        throw new DockerfileException(file, in.line(), in.keyword()
                                + " before the first FROM (only ARG may come before it)");
                    }
                    globalArgs.add(arg(in, globals::get, globals, true));
                    continue;
                }
                Map<String, String> e = env;
                Map<String, String> a = args;
                java.util.function.Function<String, String> lookup = k -> e.containsKey(k) ? e.get(k) : a.get(k);
                switch (in.keyword()) {
                    case "ARG" -> body.add(arg(in, lookup, args, false));
                    case "ENV" -> body.add(env(in, lookup, env));
                    default -> body.add(EXPANDED.contains(in.keyword()) ? expand(in, lookup) : in);
                }
            }
            if (from == null) {
                throw new DockerfileException(file, 0, "no FROM instruction: not a Dockerfile with a build stage");
            }
            close(from, image, name, parent, body, env);
            return new Dockerfile(directives, globalArgs, stages);
        }

        private void close(Instruction from, String image, String name, int parent, List<Instruction> body,
                           Map<String, String> env) {
            stages.add(new Stage(stages.size(), image, name, parent, from, body));
            stageEnvs.add(Map.copyOf(env.entrySet().stream().filter(x -> x.getValue() != null)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        }

        private int stageNamed(String image) {
            String lower = image.toLowerCase(Locale.ROOT);
            for (int i = stages.size() - 1; i >= 0; i--) {
                if (lower.equals(stages.get(i).name())) {
                    return i;
                }
            }
            return -1;
        }

        private Instruction expand(Instruction in, java.util.function.Function<String, String> lookup) {
            ShellWords sw = new ShellWords(escape, lookup);
            if (in.execForm() != null) {
                List<String> words = new ArrayList<>();
                boolean undefined = false;
                for (String s : in.execForm()) {
                    ShellWords.Result r = sw.word(s);
                    words.add(r.words().getFirst());
                    undefined |= r.undefined();
                }
                return in.withExpansion(words, undefined);
            }
            ShellWords.Result r = sw.words(in.arguments());
            return in.withExpansion(r.words(), r.undefined());
        }

        /** {@code ARG name[=default] …}: defines the names in {@code scope}; a global's default carries into a stage. */
        private Instruction arg(Instruction in, java.util.function.Function<String, String> lookup,
                                Map<String, String> scope, boolean global) {
            ShellWords.Result r = new ShellWords(escape, lookup).words(in.arguments());
            if (r.words().isEmpty()) {
                throw new DockerfileException(file, in.line(), "ARG needs a name");
            }
            for (String w : r.words()) {
                int eq = w.indexOf('=');
                String key = eq < 0 ? w : w.substring(0, eq);
                if (key.isEmpty()) {
                    throw new DockerfileException(file, in.line(), "ARG names can not be blank");
                }
                scope.put(key, eq >= 0 ? w.substring(eq + 1) : global ? null : globals.get(key));
            }
            return in.withExpansion(r.words(), r.undefined());
        }

        /** {@code ENV k=v …} or the legacy {@code ENV k v…}; the values are set in {@code env} after the line. */
        private Instruction env(Instruction in, java.util.function.Function<String, String> lookup,
                                Map<String, String> env) {
            ShellWords sw = new ShellWords(escape, lookup);
            String rest = in.arguments();
            int sp = 0;
            while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
                sp++;
            }
            String firstWord = rest.substring(0, sp);
            List<String> pairs = new ArrayList<>();
            boolean undefined;
            if (firstWord.isEmpty()) {
                throw new DockerfileException(file, in.line(), "ENV needs a name and a value");
            }
            if (!firstWord.contains("=")) {
                if (rest.substring(sp).isBlank()) {
                    throw new DockerfileException(file, in.line(), "ENV " + shorten(firstWord) + " has no value "
                            + "(write ENV name=value)");
                }
                ShellWords.Result v = sw.word(rest.substring(sp).strip());
                pairs.add(firstWord + "=" + v.words().getFirst());
                undefined = v.undefined();
            } else {
                ShellWords.Result r = sw.words(rest);
                for (String w : r.words()) {
                    int eq = w.indexOf('=');
                    if (eq <= 0) {
                        throw new DockerfileException(file, in.line(), "ENV expects name=value, not '" + shorten(w) + "'");
                    }
                    pairs.add(w);
                }
                undefined = r.undefined();
            }
            for (String p : pairs) {
                int eq = p.indexOf('=');
                env.put(p.substring(0, eq), p.substring(eq + 1));
            }
            return in.withExpansion(pairs, undefined);
        }
    }
}
