package io.kensa.analyze.misconfig.kubernetes;

import io.kensa.analyze.misconfig.checks.Check;
import io.kensa.analyze.misconfig.checks.Checks;
import io.kensa.analyze.misconfig.checks.ImageReference;
import io.kensa.core.misconfig.MisconfigFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The security-context checks on the pod templates of Kubernetes workloads (Pod, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, ReplicationController, Job, CronJob; also inside a {@code List}), with Trivy's KSV ids:
 * <ul>
 *   <li>pod: KSV008 {@code hostIPC}, KSV009 {@code hostNetwork}, KSV010 {@code hostPID}, KSV023 {@code hostPath}
 *       volumes, KSV006 a hostPath to the Docker socket, KSV105 {@code runAsUser: 0};</li>
 *   <li>each container (init and ephemeral too): KSV017 {@code privileged}, KSV001 {@code allowPrivilegeEscalation}
 *       not false, KSV012 neither {@code runAsNonRoot: true} nor a non-zero {@code runAsUser} (container or pod),
 *       KSV105 {@code runAsUser: 0}, KSV005 SYS_ADMIN added, KSV022 capabilities added beyond the Pod Security
 *       Standards' baseline set, KSV003 ALL not dropped, KSV014 {@code readOnlyRootFilesystem} not true, KSV013
 *       an image with the latest tag or none.</li>
 * </ul>
 * Each finding has the line of the field at fault, or of the container when a field is missing.
 */
public final class KubernetesChecks {
    static final String SOURCE = "kubernetes";
    /** The capabilities the Pod Security Standards' baseline profile allows adding. */
    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController", "Job");
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");
    /** Deepest nesting of {@code List} objects followed. */
    private static final int MAX_LIST_DEPTH = 4;

    private final String path;
    private final List<MisconfigFinding> out = new ArrayList<>();

    private KubernetesChecks(String path) {
        this.path = path;
    }

    /** Whether a document is a Kubernetes object (a mapping with string {@code apiVersion} and {@code kind}). */
    public static boolean isObject(YamlNode doc) {
        return doc instanceof YamlNode.Mapping m && m.text("apiVersion") != null && m.text("kind") != null;
    }

    /** The findings of the workloads among {@code documents}, read from {@code path}. */
    public static List<MisconfigFinding> run(List<YamlNode> documents, String path) {
        KubernetesChecks c = new KubernetesChecks(path);
        for (YamlNode doc : documents) {
            c.object(doc, 0);
        }
        return c.out;
    }

    private void object(YamlNode doc, int depth) {
        if (!isObject(doc)) {
            return;
        }
        YamlNode.Mapping obj = (YamlNode.Mapping) doc;
        String kind = obj.text("kind");
        YamlNode.Mapping metadata = obj.mapping("metadata");
        String name = metadata == null || metadata.text("name") == null ? "?" : metadata.text("name");
        String who = kind + "/" + name;
        YamlNode.Mapping spec = obj.mapping("spec");
        if (kind.equals("List") && obj.get("items") instanceof YamlNode.Sequence items && depth < MAX_LIST_DEPTH) {
            items.items().forEach(i -> object(i, depth + 1));
        } else if (kind.equals("Pod")) {
            pod(who, spec);
        } else if (TEMPLATE_KINDS.contains(kind)) {
            pod(who, template(spec));
        } else if (kind.equals("CronJob")) {
            YamlNode.Mapping job = spec == null ? null : spec.mapping("jobTemplate");
            pod(who, template(job == null ? null : job.mapping("spec")));
        }
    }

    private static YamlNode.Mapping template(YamlNode.Mapping spec) {
        YamlNode.Mapping t = spec == null ? null : spec.mapping("template");
        return t == null ? null : t.mapping("spec");
    }

    private void pod(String who, YamlNode.Mapping spec) {
        if (spec == null) {
            return;
        }
        hostNamespace(who, spec, "hostIPC", Checks.KSV008);
        hostNamespace(who, spec, "hostNetwork", Checks.KSV009);
        hostNamespace(who, spec, "hostPID", Checks.KSV010);
        if (spec.get("volumes") instanceof YamlNode.Sequence volumes) {
            for (YamlNode v : volumes.items()) {
                if (v instanceof YamlNode.Mapping vol && vol.entry("hostPath") != null) {
                    YamlNode.Entry hp = vol.entry("hostPath");
                    String hostPath = hp.value() instanceof YamlNode.Mapping m ? m.text("path") : null;
                    String volName = vol.text("name");
                    add(Checks.KSV023, hp.line(), who + ": volume '" + volName + "' is a hostPath"
                            + (hostPath == null ? "" : " (" + hostPath + ")"));
                    if (hostPath != null && hostPath.strip().replaceAll("/+$", "").endsWith("docker.sock")) {
                        add(Checks.KSV006, hp.line(), who + ": volume '" + volName + "' mounts the Docker socket "
                                + hostPath);
                    }
                }
            }
        }
        YamlNode.Mapping podContext = spec.mapping("securityContext");
        YamlNode.Entry podUser = podContext == null ? null : podContext.entry("runAsUser");
        if (podUser != null && podUser.value() instanceof YamlNode.Scalar s && Long.valueOf(0).equals(s.asLong())) {
            add(Checks.KSV105, podUser.line(), who + ": spec.securityContext.runAsUser: 0");
        }
        for (String list : CONTAINER_LISTS) {
            if (spec.get(list) instanceof YamlNode.Sequence containers) {
                for (YamlNode c : containers.items()) {
                    if (c instanceof YamlNode.Mapping container) {
                        container(who, list, container, podContext);
                    }
                }
            }
        }
    }

    private void hostNamespace(String who, YamlNode.Mapping spec, String field, Check check) {
        YamlNode.Entry e = spec.entry(field);
        if (e != null && e.value() instanceof YamlNode.Scalar s && s.isTrue()) {
            add(check, e.line(), who + ": spec." + field + ": true");
        }
    }

    private void container(String who, String list, YamlNode.Mapping c, YamlNode.Mapping podContext) {
        String name = c.text("name") == null ? "?" : c.text("name");
        String where = who + ": " + (list.equals("containers") ? "container" : list.substring(0, list.length() - 1))
                + " '" + name + "'";
        YamlNode.Mapping sc = c.mapping("securityContext");
        // a missing field is reported at the securityContext that lacks it, else at the container
        int line = c.entry("securityContext") != null ? c.entry("securityContext").line() : c.line();

        YamlNode.Entry privileged = sc == null ? null : sc.entry("privileged");
        if (isTrue(privileged)) {
            add(Checks.KSV017, privileged.line(), where + ": securityContext.privileged: true");
        }
        YamlNode.Entry escalation = sc == null ? null : sc.entry("allowPrivilegeEscalation");
        if (escalation == null) {
            add(Checks.KSV001, line, where + ": securityContext.allowPrivilegeEscalation is not set to false");
        } else if (!isFalse(escalation)) {
            add(Checks.KSV001, escalation.line(), where + ": securityContext.allowPrivilegeEscalation: "
                    + text(escalation));
        }
        runsAsRoot(where, line, sc, podContext);
        YamlNode.Entry user = sc == null ? null : sc.entry("runAsUser");
        if (user != null && user.value() instanceof YamlNode.Scalar s && Long.valueOf(0).equals(s.asLong())) {
            add(Checks.KSV105, user.line(), where + ": securityContext.runAsUser: 0");
        }
        capabilities(where, line, sc);
        YamlNode.Entry readOnly = sc == null ? null : sc.entry("readOnlyRootFilesystem");
        if (!isTrue(readOnly)) {
            add(Checks.KSV014, readOnly == null ? line : readOnly.line(), where
                    + ": securityContext.readOnlyRootFilesystem is not true");
        }
        YamlNode.Entry image = c.entry("image");
        if (image != null && image.value() instanceof YamlNode.Scalar s && s.text() != null
                && ImageReference.isLatest(s.text())) {
            add(Checks.KSV013, image.line(), where + ": image " + s.text()
                    + (ImageReference.tag(s.text()) == null ? " has no tag (latest)" : " uses the latest tag"));
        }
    }

    /** KSV012: runAsNonRoot true or runAsUser > 0, the container's setting overriding the pod's. */
    private void runsAsRoot(String where, int line, YamlNode.Mapping sc, YamlNode.Mapping pod) {
        YamlNode.Entry nonRoot = effective(sc, pod, "runAsNonRoot");
        YamlNode.Entry user = effective(sc, pod, "runAsUser");
        boolean nonZeroUser = user != null && user.value() instanceof YamlNode.Scalar s && s.asLong() != null
                && s.asLong() > 0;
        if (isTrue(nonRoot) || nonZeroUser) {
            return;
        }
        if (nonRoot != null) {
            add(Checks.KSV012, nonRoot.line(), where + ": runAsNonRoot: " + text(nonRoot));
        } else {
            add(Checks.KSV012, line, where + ": neither runAsNonRoot: true nor a non-zero runAsUser is set");
        }
    }

    private static YamlNode.Entry effective(YamlNode.Mapping container, YamlNode.Mapping pod, String key) {
        YamlNode.Entry e = container == null ? null : container.entry(key);
        return e != null ? e : pod == null ? null : pod.entry(key);
    }

    private void capabilities(String where, int line, YamlNode.Mapping sc) {
        YamlNode.Entry capsEntry = sc == null ? null : sc.entry("capabilities");
        YamlNode.Mapping caps = capsEntry != null && capsEntry.value() instanceof YamlNode.Mapping m ? m : null;
        YamlNode.Entry add = caps == null ? null : caps.entry("add");
        if (add != null && add.value() instanceof YamlNode.Sequence added) {
            List<String> beyond = new ArrayList<>();
            for (YamlNode item : added.items()) {
                String cap = item instanceof YamlNode.Scalar s && s.text() != null ? capability(s.text()) : null;
                if (cap == null) {
                    continue;
                }
                if (cap.equals("SYS_ADMIN")) {
                    add(Checks.KSV005, item.line(), where + ": capabilities.add has SYS_ADMIN");
                }
                if (!BASELINE_CAPABILITIES.contains(cap)) {
                    beyond.add(cap);
                }
            }
            if (!beyond.isEmpty()) {
                add(Checks.KSV022, add.line(), where + ": capabilities.add has " + String.join(", ", beyond));
            }
        }
        YamlNode.Entry drop = caps == null ? null : caps.entry("drop");
        boolean dropsAll = drop != null && drop.value() instanceof YamlNode.Sequence dropped && dropped.items().stream()
                .anyMatch(i -> i instanceof YamlNode.Scalar s && s.text() != null && capability(s.text()).equals("ALL"));
        if (!dropsAll) {
            add(Checks.KSV003, drop != null ? drop.line() : capsEntry != null ? capsEntry.line() : line,
                    where + ": capabilities.drop does not include ALL");
        }
    }

    private static String capability(String text) {
        String c = text.strip().toUpperCase(Locale.ROOT);
        return c.startsWith("CAP_") ? c.substring(4) : c;
    }

    private static boolean isTrue(YamlNode.Entry e) {
        return e != null && e.value() instanceof YamlNode.Scalar s && s.isTrue();
    }

    private static boolean isFalse(YamlNode.Entry e) {
        return e != null && e.value() instanceof YamlNode.Scalar s && s.isFalse();
    }

    private static String text(YamlNode.Entry e) {
        return e.value() instanceof YamlNode.Scalar s ? String.valueOf(s.text()) : "(not a scalar)";
    }

    private void add(Check check, int line, String evidence) {
        out.add(check.finding(SOURCE, List.of(evidence), path, line, null));
    }
}
