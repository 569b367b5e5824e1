package io.kensa.analyze.misconfig.dockerfile;

import io.kensa.analyze.misconfig.checks.Check;
import io.kensa.analyze.misconfig.checks.Checks;
import io.kensa.analyze.misconfig.checks.ImageReference;
import io.kensa.analyze.misconfig.checks.ScriptChecks;
import io.kensa.analyze.misconfig.checks.SensitiveNames;
import io.kensa.analyze.misconfig.checks.SensitivePorts;
import io.kensa.core.misconfig.MisconfigFinding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The image checks, run on a Dockerfile (source {@code dockerfile}, each finding with the instruction's line):
 * <ul>
 *   <li>on what makes the final image (the last stage and the stages it builds on): CIS-DI-0001 no {@code USER} or
 *       {@code USER root}/{@code 0}, CIS-DI-0006 no {@code HEALTHCHECK} (or {@code HEALTHCHECK NONE}), KSN-DI-0001
 *       {@code EXPOSE} of an administration port, DKL-DI-0002 {@code VOLUME} of /dev, /proc or /sys;</li>
 *   <li>on every instruction of every stage: the {@code RUN} script checks of {@link ScriptChecks} (with CIS-DI-0008
 *       for {@code chmod u+s}), CIS-DI-0009 {@code ADD}, CIS-DI-0008 {@code COPY/ADD --chmod} with a setuid bit,
 *       CIS-DI-0010 credential-like names set by {@code ENV} (with a value) or declared by {@code ARG} (build
 *       arguments are recorded in the image history), DKL-DI-0006 {@code FROM} an image with the latest tag or no
 *       tag.</li>
 * </ul>
 * {@code ADD} of a local archive into {@code /} of a {@code FROM scratch} stage (how base images are made) is not
 * flagged. {@code ONBUILD} triggers are not checked: they run in other builds. A stage whose {@code SHELL} is not a
 * POSIX shell (PowerShell, cmd) has its RUN scripts left alone.
 */
public final class DockerfileChecks {
    static final String SOURCE = "dockerfile";
    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");
    private static final Set<String> SENSITIVE_VOLUMES = Set.of("/dev", "/proc", "/sys");

    private final Dockerfile dockerfile;
    private final String path;
    private final List<MisconfigFinding> out = new ArrayList<>();
    /** Values of credential-like ENV and ARG variables, masked wherever they are quoted. */
    private final Set<String> secretValues = new LinkedHashSet<>();

    private DockerfileChecks(Dockerfile dockerfile, String path) {
        this.dockerfile = dockerfile;
        this.path = path;
        for (Instruction in : dockerfile.instructions()) {
            if (in.keyword().equals("ENV") || in.keyword().equals("ARG")) {
                for (String w : in.expanded()) {
                    int eq = w.indexOf('=');
                    if (eq > 0 && SensitiveNames.isSensitive(w.substring(0, eq))) {
                        secretValues.add(w.substring(eq + 1));
                    }
                }
            }
        }
    }

    /** The findings of {@code dockerfile}, read from {@code path}, in line order. */
    public static List<MisconfigFinding> run(Dockerfile dockerfile, String path) {
        DockerfileChecks c = new DockerfileChecks(dockerfile, path);
        c.user();
        c.healthcheck();
        for (Instruction in : dockerfile.globalArgs()) {
            c.arg(in);
        }
        Set<Integer> finalStages = new HashSet<>();
        dockerfile.finalChain().forEach(s -> finalStages.add(s.index()));
        for (Stage s : dockerfile.stages()) {
            c.stage(s, finalStages.contains(s.index()));
        }
        c.out.sort(Comparator.comparingInt(MisconfigFinding::line));
        return c.out;
    }

    private void user() {
        List<Stage> chain = dockerfile.finalChain();
        for (Stage s : chain) {
            for (Instruction in : s.instructions().reversed()) {
                if (in.keyword().equals("USER")) {
                    String user = in.expanded().isEmpty() ? "" : in.expanded().getFirst();
                    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
                    if (!in.unresolved() && (name.equals("root") || name.equals("0"))) {
                        add(Checks.CIS_DI_0001, in, List.of(in.text(), "the last USER of the final image is root"));
                    }
                    return;
                }
            }
        }
        Stage last = dockerfile.stages().getLast();
        add(Checks.CIS_DI_0001, last.from(), List.of(last.from().text(), "the final stage never sets USER: the "
                + "container runs as the base image's user, root unless the base image sets another"));
    }

    private void healthcheck() {
        for (Stage s : dockerfile.finalChain()) {
            for (Instruction in : s.instructions().reversed()) {
                if (in.keyword().equals("HEALTHCHECK")) {
                    if (in.arguments().strip().equalsIgnoreCase("NONE")) {
                        add(Checks.CIS_DI_0006, in, List.of(in.text(), "HEALTHCHECK NONE disables the health check"));
                    }
                    return;
                }
            }
        }
        Stage last = dockerfile.stages().getLast();
        add(Checks.CIS_DI_0006, last.from(), List.of(last.from().text(),
                "the final stage has no HEALTHCHECK instruction"));
    }

    private void stage(Stage s, boolean inFinalImage) {
        Instruction from = s.from();
        if (s.parent() < 0 && !from.unresolved() && ImageReference.isLatest(s.baseImage())) {
            add(Checks.DKL_DI_0006, from, List.of(from.text(), "base image " + s.baseImage()
                    + (ImageReference.tag(s.baseImage()) == null ? " has no tag (latest)" : " uses the latest tag")));
        }
        boolean posixShell = true;
        for (Instruction in : s.instructions()) {
            switch (in.keyword()) {
                case "SHELL" -> posixShell = in.execForm() != null && !in.execForm().isEmpty()
                        && POSIX_SHELLS.contains(baseName(in.execForm().getFirst()));
                case "RUN" -> {
                    if (posixShell) {
                        run(in);
                    }
                }
                case "ADD" -> {
                    add(in, s);
                    chmod(in);
                }
                case "COPY" -> chmod(in);
                case "ENV" -> env(in);
                case "ARG" -> arg(in);
                case "EXPOSE" -> {
                    if (inFinalImage) {
                        expose(in);
                    }
                }
                case "VOLUME" -> {
                    if (inFinalImage) {
                        volume(in);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void run(Instruction in) {
        Set<String> mounts = new LinkedHashSet<>();
        for (String f : in.flags()) {
            if (f.startsWith("--mount=")) {
                String target = ScriptChecks.cacheMountTarget(f.substring("--mount=".length()));
                if (target != null) {
                    mounts.add(target);
                }
            }
        }
        for (ScriptChecks.Hit hit : ScriptChecks.check(script(in), mounts, true)) {
            List<String> evidence = new ArrayList<>(List.of(SensitiveNames.maskAssignments(in.text())));
            String command = SensitiveNames.maskAssignments(hit.command());
            if (!in.text().contains(hit.command())) {
                evidence.add(command);
            }
            add(hit.check(), in, evidence);
        }
    }

    /** The shell script a RUN runs: the shell form, the {@code -c} script of an exec form, or its here-documents. */
    static String script(Instruction in) {
        if (in.execForm() != null) {
            List<String> e = in.execForm();
            if (e.size() >= 3 && POSIX_SHELLS.contains(baseName(e.getFirst())) && e.get(1).equals("-c")) {
                return e.get(2);
            }
            return String.join(" ", e);
        }
        if (in.heredocs().isEmpty()) {
            return in.arguments();
        }
        String command = in.arguments().replaceAll("(?<![<\\S])<<-?([\"']?)[A-Za-z_][A-Za-z0-9_.-]*\\1", " ").strip();
        String program = command.isEmpty() ? "" : baseName(command.split("\\s+")[0]);
        StringBuilder b = new StringBuilder(command);
        if (command.isEmpty() || POSIX_SHELLS.contains(program)) {
            for (Heredoc h : in.heredocs()) {
                b.append('\n').append(h.content());
            }
        }
        return b.toString();
    }

    private void add(Instruction in, Stage s) {
        List<String> sources = in.expanded().size() >= 2 ? in.expanded().subList(0, in.expanded().size() - 1) : List.of();
        String dest = in.expanded().isEmpty() ? "" : in.expanded().getLast();
        String kind = "ADD of local files (archives are unpacked implicitly)";
        boolean remote = false;
        for (String src : sources) {
            String l = src.toLowerCase(Locale.ROOT);
            if (l.startsWith("http://") || l.startsWith("https://")) {
                kind = "ADD of a remote URL: fetched without verification";
                remote = true;
            } else if (l.startsWith("git@") || l.startsWith("git://") || l.endsWith(".git")) {
                kind = "ADD of a Git repository";
                remote = true;
            }
        }
        boolean baseRootfs = s.baseImage().equals("scratch") && !remote && (dest.equals("/") || dest.equals("/."))
                && in.heredocs().isEmpty();
        if (!baseRootfs) {
            add(Checks.CIS_DI_0009, in, List.of(in.text(), kind));
        }
    }

    private void chmod(Instruction in) {
        String mode = in.flag("chmod");
        if (mode != null && (ScriptChecks.setIdNumeric(mode) || mode.matches("(?:.*,)?[ugoa]*[+=][rwxXt]*s.*"))) {
            add(Checks.CIS_DI_0008, in, List.of(in.text(), "--chmod=" + mode + " sets a setuid or setgid bit"));
        }
    }

    private void env(Instruction in) {
        for (String pair : in.expanded()) {
            String name = pair.substring(0, pair.indexOf('='));
            if (SensitiveNames.isSensitive(name) && !rawValueEmpty(in, name, pair)) {
                add(Checks.CIS_DI_0010, in, List.of("ENV " + name + "=" + SensitiveNames.MASK,
                        "ENV sets " + name + " in the image's environment (value hidden)"));
            }
        }
    }

    /** Whether the value of {@code name} is empty as written (ENV X=, ENV X ""), not merely unset at parse time. */
    private static boolean rawValueEmpty(Instruction in, String name, String pair) {
        if (!pair.endsWith("=")) {
            return false;
        }
        String raw = in.arguments();
        int at = raw.indexOf(name + "=");
        if (at < 0) {
            return raw.strip().equals(name) || raw.strip().matches(java.util.regex.Pattern.quote(name) + "\\s+(\"\"|'')?");
        }
        String after = raw.substring(at + name.length() + 1);
        return after.isEmpty() || Character.isWhitespace(after.charAt(0)) || after.startsWith("\"\"")
                || after.startsWith("''");
    }

    private void arg(Instruction in) {
        for (String w : in.expanded()) {
            int eq = w.indexOf('=');
            String name = eq < 0 ? w : w.substring(0, eq);
            if (SensitiveNames.isSensitive(name)) {
                add(Checks.CIS_DI_0010, in, List.of("ARG " + name + (eq < 0 ? "" : "=" + SensitiveNames.MASK),
                        "build argument " + name + " is recorded in the image history of every RUN after it"));
            }
        }
    }

    private void expose(Instruction in) {
        for (String port : in.expanded()) {
            String service = SensitivePorts.service(port);
            if (service != null) {
                add(Checks.KSN_DI_0001, in, List.of(in.text(), "exposes " + service));
            }
        }
    }

    private void volume(Instruction in) {
        for (String v : in.expanded()) {
            String normal = v.length() > 1 && v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            if (SENSITIVE_VOLUMES.contains(normal)) {
                add(Checks.DKL_DI_0002, in, List.of(in.text(), "VOLUME " + normal));
            }
        }
    }

    private void add(Check check, Instruction in, List<String> evidence) {
        List<String> masked = evidence.stream().map(e -> SensitiveNames.maskValues(e, secretValues)).toList();
        out.add(check.finding(SOURCE, masked, path, in.line(), null));
    }

    private static String baseName(String s) {
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }
}
