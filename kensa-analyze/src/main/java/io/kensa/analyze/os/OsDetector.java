package io.kensa.analyze.os;

import io.kensa.analyze.FileResult;
import io.kensa.core.OsInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the distribution of a merged image from its release files. {@code os-release} decides the family;
 * the more precise version files win for the version where the distribution keeps one ({@code debian_version}
 * gives 12.8 where os-release says 12, {@code alpine-release} gives 3.11.5). Families use the names that
 * vulnerability feeds and Trivy use (redhat, amazon, cbl-mariner, sles, opensuse.leap …).
 */
public final class OsDetector {
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)");
    private static final Map<String, String> FAMILY_BY_ID = Map.ofEntries(
            Map.entry("rhel", "redhat"), Map.entry("redhat", "redhat"), Map.entry("centos", "centos"),
            Map.entry("rocky", "rocky"), Map.entry("almalinux", "alma"), Map.entry("ol", "oracle"),
            Map.entry("amzn", "amazon"), Map.entry("fedora", "fedora"), Map.entry("sles", "sles"),
            Map.entry("sled", "sles"), Map.entry("sle-micro", "sle-micro"), Map.entry("sl-micro", "sle-micro"),
            Map.entry("opensuse-leap", "opensuse.leap"), Map.entry("opensuse-tumbleweed", "opensuse.tumbleweed"),
            Map.entry("opensuse", "opensuse.leap"), Map.entry("mariner", "cbl-mariner"),
            Map.entry("azurelinux", "azurelinux"), Map.entry("photon", "photon"), Map.entry("debian", "debian"),
            Map.entry("ubuntu", "ubuntu"), Map.entry("alpine", "alpine"), Map.entry("wolfi", "wolfi"),
            Map.entry("chainguard", "chainguard"), Map.entry("arch", "arch"), Map.entry("echo", "echo"),
            Map.entry("minimos", "minimos"), Map.entry("bottlerocket", "bottlerocket"));

    /** Detects the OS; {@code filesAt} gives the analysed results at a path of the merged image. */
    public OsInfo detect(Function<String, List<FileResult>> filesAt) {
        Map<String, String> release = props(filesAt, "etc/os-release");
        if (release == null) {
            release = props(filesAt, "usr/lib/os-release");
        }
        if (release != null && release.containsKey("ID")) {
            return fromOsRelease(release, filesAt);
        }
        return fromReleaseFiles(filesAt);
    }

    private OsInfo fromOsRelease(Map<String, String> release, Function<String, List<FileResult>> filesAt) {
        String id = release.get("ID").toLowerCase(Locale.ROOT);
        String family = FAMILY_BY_ID.getOrDefault(id, id);
        String version = release.getOrDefault("VERSION_ID", "");
        String name = release.get("PRETTY_NAME");
        switch (family) {
            case "debian" -> {
                String dv = line(filesAt, "etc/debian_version");
                if (dv != null && dv.matches("\\d+(\\.\\d+)*")) {
                    version = dv;
                }
            }
            case "alpine" -> {
                String av = line(filesAt, "etc/alpine-release");
                if (av != null && VERSION.matcher(av).lookingAt()) {
                    version = av;
                }
            }
            default -> {
            }
        }
        return new OsInfo(family, version, name);
    }

    private OsInfo fromReleaseFiles(Function<String, List<FileResult>> filesAt) {
        String alpine = line(filesAt, "etc/alpine-release");
        if (alpine != null) {
            return new OsInfo("alpine", firstVersion(alpine), "Alpine Linux " + alpine);
        }
        Map<String, String> lsb = props(filesAt, "etc/lsb-release");
        if (lsb != null && "ubuntu".equalsIgnoreCase(lsb.get("DISTRIB_ID"))) {
            return new OsInfo("ubuntu", lsb.getOrDefault("DISTRIB_RELEASE", ""), lsb.get("DISTRIB_DESCRIPTION"));
        }
        String debian = line(filesAt, "etc/debian_version");
        if (debian != null && debian.matches("\\d+(\\.\\d+)*")) {
            return new OsInfo("debian", debian, "Debian GNU/Linux " + debian);
        }
        for (String file : List.of("etc/centos-release", "etc/rocky-release", "etc/almalinux-release",
                "etc/oracle-release", "etc/fedora-release", "etc/redhat-release", "etc/system-release",
                "etc/photon-release", "etc/mariner-release", "etc/azurelinux-release")) {
            String l = line(filesAt, file);
            if (l != null) {
                return new OsInfo(familyFromLine(l), firstVersion(l), l);
            }
        }
        Map<String, String> suse = props(filesAt, "etc/SuSE-release");
        if (suse != null) {
            String content = suse.getOrDefault(OsReleaseAnalyzer.CONTENT, "");
            String v = suse.getOrDefault("VERSION", firstVersion(content));
            String patch = suse.get("PATCHLEVEL");
            String family = content.toLowerCase(Locale.ROOT).contains("opensuse") ? "opensuse.leap" : "sles";
            return new OsInfo(family, patch == null ? v : v + "." + patch, content);
        }
        return null;
    }

    static String familyFromLine(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("centos")) {
            return "centos";
        } else if (l.startsWith("rocky")) {
            return "rocky";
        } else if (l.startsWith("almalinux")) {
            return "alma";
        } else if (l.startsWith("oracle")) {
            return "oracle";
        } else if (l.startsWith("fedora")) {
            return "fedora";
        } else if (l.startsWith("amazon")) {
            return "amazon";
        } else if (l.startsWith("vmware photon")) {
            return "photon";
        } else if (l.contains("mariner")) {
            return "cbl-mariner";
        } else if (l.contains("azure linux")) {
            return "azurelinux";
        }
        return "redhat";
    }

    private static String firstVersion(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static Map<String, String> props(Function<String, List<FileResult>> filesAt, String path) {
        for (FileResult r : filesAt.apply(path)) {
            if (OsReleaseAnalyzer.ID.equals(r.analyzer())) {
                return r.properties();
            }
        }
        return null;
    }

    private static String line(Function<String, List<FileResult>> filesAt, String path) {
        Map<String, String> p = props(filesAt, path);
        return p == null ? null : p.get(OsReleaseAnalyzer.CONTENT);
    }
}
