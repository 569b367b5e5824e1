package io.kensa.analyze.misconfig.checks;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The program a simple command runs and its arguments, seen through leading variable assignments and the
 * wrappers that run another program ({@code sudo}, {@code env}, {@code nohup}, {@code exec}, {@code command},
 * {@code nice}): {@code DEBIAN_FRONTEND=noninteractive sudo -E apt-get install x} runs {@code apt-get} with
 * {@code install x}, through sudo.
 *
 * @param program the program's file name ({@code /usr/bin/apt-get} gives {@code apt-get}), empty when none
 * @param args    its arguments
 * @param sudo    whether the command's first program is {@code sudo}
 */
public record ProgramCall(String program, List<String> args, boolean sudo) {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    /** sudo options that take a value in the next word. */
    private static final Set<String> SUDO_VALUE_OPTIONS = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U",
            "-T", "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user",
            "--command-timeout", "--close-from");

    public ProgramCall {
        args = List.copyOf(args);
    }

    public static ProgramCall of(ShellScript.Command command) {
        List<String> w = command.words();
        int i = skipAssignments(w, 0);
        boolean sudo = i < w.size() && baseName(w.get(i)).equals("sudo");
        while (i < w.size()) {
            String name = baseName(w.get(i));
            switch (name) {
                case "sudo" -> i = skipOptions(w, i + 1, SUDO_VALUE_OPTIONS);
                case "env" -> i = skipAssignments(w, skipOptions(w, i + 1, Set.of("-u", "--unset", "-C", "--chdir")));
                case "nohup", "exec", "command" -> i = skipOptions(w, i + 1, Set.of());
                case "nice" -> i = skipOptions(w, i + 1, Set.of("-n", "--adjustment"));
                default -> {
                    return new ProgramCall(name, w.subList(i + 1, w.size()), sudo);
                }
            }
        }
        return new ProgramCall("", List.of(), sudo);
    }

    /** The first argument that is not an option, skipping the values of {@code valueOptions}; null when none. */
    public String subcommand(Set<String> valueOptions) {
        int i = skipOptions(args, 0, valueOptions);
        return i < args.size() ? args.get(i) : null;
    }

    /** The arguments after the subcommand that are not options (package names for an installer). */
    public List<String> operands(Set<String> valueOptions) {
        int i = skipOptions(args, 0, valueOptions);
        List<String> out = new java.util.ArrayList<>();
        for (int j = i + 1; j < args.size(); j++) {
            String a = args.get(j);
            if (a.startsWith("-")) {
                if (valueOptions.contains(a)) {
                    j++;
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** Whether an argument equals {@code option} or starts with {@code option=}. */
    public boolean hasOption(String option) {
        for (String a : args) {
            if (a.equals(option) || a.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    static String baseName(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }

    private static int skipAssignments(List<String> w, int from) {
        int i = from;
        while (i < w.size() && ASSIGNMENT.matcher(w.get(i)).matches()) {
            i++;
        }
        return i;
    }

    private static int skipOptions(List<String> w, int from, Set<String> valueOptions) {
        int i = from;
        while (i < w.size() && w.get(i).startsWith("-") && w.get(i).length() > 1) {
            if (w.get(i).equals("--")) {
                return i + 1;
            }
            i += valueOptions.contains(w.get(i)) ? 2 : 1;
        }
        return i;
    }
}
