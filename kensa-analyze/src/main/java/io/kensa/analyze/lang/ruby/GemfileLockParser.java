package io.kensa.analyze.lang.ruby;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bundler's lock file. The gems Bundler installs are the {@code specs:} of the source sections: {@code GEM}
 * (rubygems.org and other gem servers), {@code GIT} (a gem built from a repository), {@code PATH} (a gem in a local
 * directory, often the application itself) and {@code PLUGIN SOURCE}; each is a line indented by four spaces,
 * {@code name (version)}, with a platform suffix for native builds ({@code nokogiri (1.16.7-x86_64-linux)}). The
 * platform is dropped (RubyGems versions never contain {@code -}), so one gem locked for three platforms is one
 * package, as Trivy reports it. Six-space lines are dependency requirements, not gems.
 */
final class GemfileLockParser {
    private static final Set<String> SOURCE_SECTIONS = Set.of("GEM", "GIT", "PATH", "PLUGIN SOURCE");
    /** Most gems read from one lock file. */
    static final int MAX_GEMS = 100_000;

    /** One locked gem. */
    record LockedGem(String name, String version) {
    }

    /** The gems of a lock file, in file order without duplicates, and the lines that could not be read. */
    record Result(List<LockedGem> gems, List<String> problems) {
    }

    private GemfileLockParser() {
    }

    static Result parse(BufferedReader reader) throws IOException {
        Set<LockedGem> gems = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        boolean inSource = false;
        boolean inSpecs = false;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                continue;
            }
            int indent = indent(line);
            if (indent == 0) {
                inSource = SOURCE_SECTIONS.contains(line.strip());
                inSpecs = false;
            } else if (indent == 2) {
                inSpecs = inSource && line.strip().equals("specs:");
            } else if (indent == 4 && inSpecs) {
                LockedGem gem = gem(line.strip());
                if (gem == null) {
                    if (problems.size() < 10) {
                        problems.add("line " + lineNumber + ": not a locked gem: " + abbreviate(line.strip()));
                    }
                } else if (gems.size() >= MAX_GEMS) {
                    problems.add("more than " + MAX_GEMS + " gems; the rest is not read");
                    break;
                } else {
                    gems.add(gem);
                }
            }
        }
        return new Result(List.copyOf(gems), problems);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code name (version[-platform])}, or null. */
    private static LockedGem gem(String spec) {
        int open = spec.indexOf(" (");
        if (open <= 0 || !spec.endsWith(")")) {
            return null;
        }
        String name = spec.substring(0, open);
        String version = spec.substring(open + 2, spec.length() - 1);
        int dash = version.indexOf('-');
        if (dash >= 0) {
            version = version.substring(0, dash);
        }
        if (name.contains(" ") || version.isEmpty() || version.contains(" ")) {
            return null;
        }
        return new LockedGem(name, version);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
