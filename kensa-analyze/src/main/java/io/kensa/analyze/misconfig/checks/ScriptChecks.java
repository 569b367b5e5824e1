package io.kensa.analyze.misconfig.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks on the shell script of one {@code RUN} step, shared by the image history and the Dockerfile:
 * <ul>
 *   <li>CIS-DI-0007: {@code apt-get update} (or {@code apt}, {@code aptitude}, {@code apk update}) with no install or
 *       upgrade after it in the same script;</li>
 *   <li>CIS-DI-0011: package signature checks switched off ({@code --allow-unauthenticated}, {@code --force-yes},
 *       {@code --allow-untrusted}, {@code --nogpgcheck}, {@code --no-gpg-checks}, {@code rpm --nosignature},
 *       {@code pip --trusted-host});</li>
 *   <li>DKL-DI-0001: a command run through {@code sudo} (installing a package named sudo is not flagged);</li>
 *   <li>DKL-DI-0003: whole-system upgrades ({@code apt-get upgrade|dist-upgrade|full-upgrade}, {@code apk upgrade},
 *       {@code yum|dnf|microdnf|zypper update|upgrade|distro-sync} without package names);</li>
 *   <li>DKL-DI-0004: {@code apk add} without {@code --no-cache}, unless the script removes {@code /var/cache/apk} or a
 *       build cache is mounted there;</li>
 *   <li>DKL-DI-0005: {@code apt-get update} or {@code install} with no {@code rm … /var/lib/apt/lists} after it,
 *       unless a build cache is mounted on {@code /var/lib/apt};</li>
 *   <li>KSN-DI-0002: a download piped into a shell ({@code curl … | sh}, {@code sh -c "$(wget -O- …)"});</li>
 *   <li>CIS-DI-0008 (only when asked: on images the files' own modes are checked instead): {@code chmod} or
 *       {@code install -m} setting a setuid or setgid bit.</li>
 * </ul>
 * Each check fires at most once per script.
 */
public final class ScriptChecks {
    /** What fired, with the command that made it fire. */
    public record Hit(Check check, String command) {
    }

    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> APT_VALUE_OPTIONS = Set.of("-o", "-c", "-t", "--option", "--config-file",
            "--target-release", "--default-release");
    private static final Set<String> APK_VALUE_OPTIONS = Set.of("-X", "--repository", "-p", "--root", "--arch",
            "--cache-dir", "--keys-dir", "--repositories-file", "-t", "--virtual");
    private static final Set<String> RPM_INSTALLERS = Set.of("yum", "dnf", "microdnf", "tdnf", "zypper");
    private static final Set<String> RPM_VALUE_OPTIONS = Set.of("-c", "--config", "--installroot", "--releasever",
            "-x", "--exclude", "--enablerepo", "--disablerepo", "--repo", "-r");
    private static final Set<String> APT_AFTER_UPDATE = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "reinstall");
    private static final Set<String> APT_UPGRADES = Set.of("upgrade", "dist-upgrade", "full-upgrade");
    private static final Set<String> RPM_UPGRADES = Set.of("update", "upgrade", "distro-sync", "dist-upgrade", "dup",
            "upgrade-minimal", "update-minimal");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "ash", "mksh");
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "fetch");
    private static final Pattern SUBSTITUTED_DOWNLOAD = Pattern.compile(
            "\\b(?:sh|bash|dash|zsh|ksh|ash)\\b[^|;&\\n]{0,200}?(?:\\$\\(|<\\(|`)\\s*(?:curl|wget)\\b");
    private static final Pattern SYMBOLIC_SETID = Pattern.compile("(?:^|,)[ugoa]*[+=][rwxXt]*s");
    private static final Pattern NUMERIC_MODE = Pattern.compile("[0-7]{4}");

    private ScriptChecks() {
    }

    /**
     * Runs the checks on {@code script}.
     *
     * @param cacheMounts targets of the step's build cache mounts ({@code RUN --mount=type=cache,target=…})
     * @param setuid      whether to look for {@code chmod}/{@code install -m} setting setuid/setgid bits
     */
    public static List<Hit> check(String script, Set<String> cacheMounts, boolean setuid) {
        List<ShellScript.Command> commands = ShellScript.parse(script);
        List<ProgramCall> calls = commands.stream().map(ProgramCall::of).toList();
        Map<Check, String> hits = new LinkedHashMap<>();
        boolean removesAptLists = false;
        boolean removesApkCache = false;
        for (ProgramCall c : calls) {
            if (c.program().equals("rm")) {
                removesApkCache |= c.args().stream().anyMatch(a -> a.startsWith("/var/cache/apk"));
            }
        }
        boolean aptCacheMount = cacheMounts.stream().anyMatch(t -> strip(t).equals("/var/lib/apt")
                || strip(t).equals("/var/lib/apt/lists"));
        boolean apkCacheMount = cacheMounts.stream().anyMatch(t -> strip(t).equals("/var/cache/apk")
                || strip(t).equals("/etc/apk/cache"));
        int lastAptInstall = lastIndex(calls, c -> APT.contains(c.program())
                && APT_AFTER_UPDATE.contains(c.subcommand(APT_VALUE_OPTIONS)));
        int lastApkAdd = lastIndex(calls, c -> c.program().equals("apk")
                && Set.of("add", "upgrade", "fix").contains(String.valueOf(c.subcommand(APK_VALUE_OPTIONS))));
        boolean downloadInPipeline = false;
        String aptListsChangedBy = null;
        for (int k = 0; k < calls.size(); k++) {
            ProgramCall c = calls.get(k);
            ShellScript.Command cmd = commands.get(k);
            String program = c.program();
            if (!cmd.piped()) {
                downloadInPipeline = false;
            }
            if (c.sudo()) {
                hits.putIfAbsent(Checks.DKL_DI_0001, cmd.raw());
            }
            if (APT.contains(program)) {
                String sub = c.subcommand(APT_VALUE_OPTIONS);
                if ("update".equals(sub) && lastAptInstall < k) {
                    hits.putIfAbsent(Checks.CIS_DI_0007, cmd.raw());
                }
                if (APT_UPGRADES.contains(sub)) {
                    hits.putIfAbsent(Checks.DKL_DI_0003, cmd.raw());
                }
                if (("update".equals(sub) || "install".equals(sub)) && aptListsChangedBy == null) {
                    aptListsChangedBy = cmd.raw();
                    removesAptLists = false;
                }
                if (c.hasOption("--allow-unauthenticated") || c.hasOption("--force-yes")
                        || c.hasOption("--allow-insecure-repositories")
                        || c.args().stream().anyMatch(ScriptChecks::aptTrustOverride)) {
                    hits.putIfAbsent(Checks.CIS_DI_0011, cmd.raw());
                }
            } else if (program.equals("apk")) {
                String sub = c.subcommand(APK_VALUE_OPTIONS);
                if ("update".equals(sub) && lastApkAdd < k) {
                    hits.putIfAbsent(Checks.CIS_DI_0007, cmd.raw());
                }
                if ("upgrade".equals(sub) && c.operands(APK_VALUE_OPTIONS).isEmpty()) {
                    hits.putIfAbsent(Checks.DKL_DI_0003, cmd.raw());
                }
                if ("add".equals(sub) && !c.hasOption("--no-cache") && !removesApkCache && !apkCacheMount) {
                    hits.putIfAbsent(Checks.DKL_DI_0004, cmd.raw());
                }
                if (c.hasOption("--allow-untrusted")) {
                    hits.putIfAbsent(Checks.CIS_DI_0011, cmd.raw());
                }
            } else if (RPM_INSTALLERS.contains(program)) {
                String sub = c.subcommand(RPM_VALUE_OPTIONS);
                if (RPM_UPGRADES.contains(sub) && c.operands(RPM_VALUE_OPTIONS).isEmpty()) {
                    hits.putIfAbsent(Checks.DKL_DI_0003, cmd.raw());
                }
                if (c.hasOption("--nogpgcheck") || c.hasOption("--no-gpg-checks")
                        || c.args().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).matches(".*gpgcheck=(0|false|no)"))) {
                    hits.putIfAbsent(Checks.CIS_DI_0011, cmd.raw());
                }
            } else if (program.equals("rpm")) {
                if (c.hasOption("--nosignature") || c.hasOption("--nodigest")) {
                    hits.putIfAbsent(Checks.CIS_DI_0011, cmd.raw());
                }
            } else if (program.startsWith("pip") || program.startsWith("python")) {
                if (c.hasOption("--trusted-host")) {
                    hits.putIfAbsent(Checks.CIS_DI_0011, cmd.raw());
                }
            } else if (program.equals("rm") && aptListsChangedBy != null
                    && c.args().stream().anyMatch(a -> a.startsWith("/var/lib/apt/lists"))) {
                removesAptLists = true;
            } else if (setuid && (program.equals("chmod") || program.equals("install")) && setsSetId(c)) {
                hits.putIfAbsent(Checks.CIS_DI_0008, cmd.raw());
            }
            if (DOWNLOADERS.contains(program)) {
                downloadInPipeline = true;
            } else if (cmd.piped() && downloadInPipeline && isShell(c)) {
                hits.putIfAbsent(Checks.KSN_DI_0002, cmd.raw());
            }
        }
        if (aptListsChangedBy != null && !removesAptLists && !aptCacheMount) {
            hits.putIfAbsent(Checks.DKL_DI_0005, aptListsChangedBy);
        }
        if (!hits.containsKey(Checks.KSN_DI_0002)) {
            var m = SUBSTITUTED_DOWNLOAD.matcher(script == null ? "" : script);
            if (m.find()) {
                hits.put(Checks.KSN_DI_0002, m.group());
            }
        }
        List<Hit> out = new ArrayList<>();
        hits.forEach((check, command) -> out.add(new Hit(check, command)));
        return out;
    }

    /**
     * The target of a {@code --mount=} flag's value when it is a build cache ({@code type=cache}), from its
     * {@code target}, {@code dst} or {@code destination} key; null for other mounts.
     */
    public static String cacheMountTarget(String spec) {
        boolean cache = false;
        String target = null;
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            if (key.equals("type")) {
                cache = value.equals("cache");
            } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
                target = value;
            }
        }
        return cache ? target : null;
    }

    /** Whether a chmod or install call sets a setuid or setgid bit. */
    static boolean setsSetId(ProgramCall c) {
        List<String> args = c.args();
        if (c.program().equals("chmod")) {
            for (String a : args) {
                if (!a.startsWith("-") && (SYMBOLIC_SETID.matcher(a).find() || setIdNumeric(a))) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String mode = a.equals("-m") || a.equals("--mode") ? (i + 1 < args.size() ? args.get(i + 1) : "")
                    : a.startsWith("--mode=") ? a.substring(7) : a.startsWith("-m") && a.length() > 2 ? a.substring(2) : null;
            if (mode != null && (SYMBOLIC_SETID.matcher(mode).find() || setIdNumeric(mode))) {
                return true;
            }
        }
        return false;
    }

    /** A numeric mode with the setuid (4) or setgid (2) digit, e.g. {@code 4755}, {@code 2755}. */
    public static boolean setIdNumeric(String mode) {
        return NUMERIC_MODE.matcher(mode).matches() && ((mode.charAt(0) - '0') & 6) != 0;
    }

    private static boolean aptTrustOverride(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        return a.matches("apt::get::allow(unauthenticated|insecurerepositories)=(1|true|yes)")
                || a.matches("acquire::allowinsecurerepositories=(1|true|yes)");
    }

    private static boolean isShell(ProgramCall c) {
        if (SHELLS.contains(c.program())) {
            return true;
        }
        return c.program().equals("busybox") && !c.args().isEmpty() && SHELLS.contains(c.args().getFirst());
    }

    /** The index of the last call that {@code test} accepts, or -1. */
    private static int lastIndex(List<ProgramCall> calls, java.util.function.Predicate<ProgramCall> test) {
        for (int j = calls.size() - 1; j >= 0; j--) {
            if (test.test(calls.get(j))) {
                return j;
            }
        }
        return -1;
    }

    private static String strip(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
