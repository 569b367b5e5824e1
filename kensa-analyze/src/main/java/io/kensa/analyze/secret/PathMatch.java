package io.kensa.analyze.secret;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test on a file path (relative to the image root, no leading slash; or a config field such as
 * {@code config:Env}). Custom rules give regular expressions, searched anywhere in the path as Trivy does; the
 * built-in rules use plain string tests, which cost next to nothing on every file of a layer.
 */
public sealed interface PathMatch {

    boolean matches(String path);

    /** A stable text naming the test: part of the rule set's fingerprint. */
    String spec();

    /** A regular expression found anywhere in the path. */
    static PathMatch regex(Pattern pattern) {
        return new Regex(pattern);
    }

    /** Paths starting with one of {@code prefixes}. */
    static PathMatch prefixes(String... prefixes) {
        List<String> list = List.of(prefixes);
        return new Builtin("prefix" + list, p -> {
            for (String prefix : list) {
                if (p.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Paths with a directory of one of these names ({@code node_modules} matches {@code a/node_modules/b}). */
    static PathMatch directories(String... names) {
        List<String> list = List.of(names);
        return new Builtin("dir" + list, p -> {
            for (String name : list) {
                int i = p.indexOf(name);
                while (i >= 0) {
                    int end = i + name.length();
                    if ((i == 0 || p.charAt(i - 1) == '/') && end < p.length() && p.charAt(end) == '/') {
                        return true;
                    }
                    i = p.indexOf(name, i + 1);
                }
            }
            return false;
        });
    }

    /** File names (last path segment) ending with one of these lower-case extensions, without the dot. */
    static PathMatch extensions(Set<String> extensions) {
        return new Builtin("ext" + extensions.stream().sorted().toList(), p -> {
            int dot = p.lastIndexOf('.');
            if (dot < 0 || dot < p.lastIndexOf('/') || dot == p.length() - 1) {
                return false;
            }
            String ext = p.substring(dot + 1);
            return extensions.contains(ext) || extensions.contains(Ascii.lower(ext));
        });
    }

    /** File names (last path segment) equal to one of {@code names}. */
    static PathMatch fileNames(String... names) {
        List<String> list = List.of(names);
        return new Builtin("name" + list, p -> {
            String name = p.substring(p.lastIndexOf('/') + 1);
            return list.contains(name);
        });
    }

    /** Paths ending with one of {@code suffixes}, which start at a segment boundary ({@code .docker/config.json}). */
    static PathMatch pathSuffixes(String... suffixes) {
        List<String> list = List.of(suffixes);
        return new Builtin("suffix" + list, p -> {
            for (String s : list) {
                if (p.endsWith(s) && (p.length() == s.length() || p.charAt(p.length() - s.length() - 1) == '/')) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Any of the tests. */
    static PathMatch anyOf(PathMatch... tests) {
        List<PathMatch> list = List.of(tests);
        return new Builtin("any" + list.stream().map(PathMatch::spec).toList(), p -> {
            for (PathMatch t : list) {
                if (t.matches(p)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** {@code include} unless {@code exclude}. */
    static PathMatch except(PathMatch include, PathMatch exclude) {
        return new Builtin(include.spec() + "-not" + exclude.spec(), p -> include.matches(p) && !exclude.matches(p));
    }

    /** A regular expression given by a user. */
    record Regex(Pattern pattern) implements PathMatch {
        @Override
        public boolean matches(String path) {
            return pattern.matcher(path).find();
        }

        @Override
        public String spec() {
            return "re:" + pattern.pattern() + "/" + pattern.flags();
        }
    }

    /** A built-in test written in Java. */
    record Builtin(String spec, java.util.function.Predicate<String> test) implements PathMatch {
        @Override
        public boolean matches(String path) {
            return test.test(path);
        }
    }
}
