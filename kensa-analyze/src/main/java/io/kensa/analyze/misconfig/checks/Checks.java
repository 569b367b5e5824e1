package io.kensa.analyze.misconfig.checks;

import io.kensa.core.vuln.Severity;

import java.util.List;

/**
 * Every configuration check Kensa runs, in one place: Dockle's image checks (CIS Docker Benchmark section 4 and
 * Dockle's own DKL checks), two Kensa checks (KSN), and the Kubernetes workload checks (Trivy's KSV ids). The
 * severities follow the table in {@link io.kensa.analyze.misconfig}.
 */
public final class Checks {
    private static final String CIS = "CIS Docker Benchmark v1.0.0 (Docker 1.13.0), ";
    private static final String BEST_PRACTICES = "https://docs.docker.com/build/building/best-practices/";
    private static final String PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

    public static final Check CIS_DI_0001 = new Check("CIS-DI-0001", Severity.MEDIUM,
            "Create a user for the container", CIS + "4.1",
            "Create a non-root user (RUN useradd -r app / adduser -S app) and switch to it with USER before the "
                    + "entrypoint runs.");
    public static final Check CIS_DI_0005 = new Check("CIS-DI-0005", Severity.LOW,
            "Enable Content trust for Docker", CIS + "4.5",
            "Set DOCKER_CONTENT_TRUST=1 before docker pull and docker build, so that only signed images are used.");
    public static final Check CIS_DI_0006 = new Check("CIS-DI-0006", Severity.LOW,
            "Add HEALTHCHECK instruction to the container image", CIS + "4.6",
            "Add a HEALTHCHECK instruction (e.g. HEALTHCHECK CMD curl -f http://localhost/ || exit 1), so that the "
                    + "engine can detect and replace a container that stopped working.");
    public static final Check CIS_DI_0007 = new Check("CIS-DI-0007", Severity.HIGH,
            "Do not use update instructions alone in the Dockerfile", CIS + "4.7",
            "Update the package index in the same RUN as the install (RUN apt-get update && apt-get install -y …), "
                    + "so that a cached update layer never serves a stale index.");
    public static final Check CIS_DI_0008 = new Check("CIS-DI-0008", Severity.LOW,
            "Confirm safety of setuid/setgid files", CIS + "4.8",
            "Remove the setuid and setgid bits from files that do not need them (chmod u-s,g-s FILE) in the layer "
                    + "that adds them, or delete those files.");
    public static final Check CIS_DI_0009 = new Check("CIS-DI-0009", Severity.HIGH,
            "Use COPY instead of ADD in Dockerfile", CIS + "4.9",
            "Use COPY for local files; fetch remote files in a RUN step that verifies their checksum, and unpack "
                    + "archives explicitly.");
    public static final Check CIS_DI_0010 = new Check("CIS-DI-0010", Severity.HIGH,
            "Do not store secrets in Dockerfiles", CIS + "4.10",
            "Pass secrets at run time (orchestrator secrets, mounted files) or to the build with "
                    + "RUN --mount=type=secret; never in ENV, ARG or files of the image.");
    public static final Check CIS_DI_0011 = new Check("CIS-DI-0011", Severity.MEDIUM,
            "Install verified packages only", CIS + "4.11",
            "Keep package signature checks on: drop --allow-unauthenticated, --force-yes, --allow-untrusted, "
                    + "--nogpgcheck, --no-gpg-checks, --nosignature and --trusted-host.");
    public static final Check DKL_DI_0001 = new Check("DKL-DI-0001", Severity.HIGH,
            "Avoid sudo command", BEST_PRACTICES + "#user",
            "Run build steps as root (the default) and switch users with USER; in an entrypoint that must drop "
                    + "privileges use gosu or su-exec, not sudo.");
    public static final Check DKL_DI_0002 = new Check("DKL-DI-0002", Severity.HIGH,
            "Avoid sensitive directory mounting", "Dockle DKL-DI-0002",
            "Do not declare /dev, /proc or /sys as a VOLUME.");
    public static final Check DKL_DI_0003 = new Check("DKL-DI-0003", Severity.HIGH,
            "Avoid apt-get/apk/dist-upgrade", BEST_PRACTICES + "#apt-get",
            "Do not upgrade every package during the build: rebuild on an updated base image, or install the "
                    + "versions you need.");
    public static final Check DKL_DI_0004 = new Check("DKL-DI-0004", Severity.HIGH,
            "Use apk add with --no-cache",
            "https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache",
            "Use apk add --no-cache …, so that the package index is not kept in the layer.");
    public static final Check DKL_DI_0005 = new Check("DKL-DI-0005", Severity.HIGH,
            "Clear apt-get caches", BEST_PRACTICES + "#apt-get",
            "End the RUN that calls apt-get update or install with rm -rf /var/lib/apt/lists/* (or mount a build "
                    + "cache on /var/lib/apt).");
    public static final Check DKL_DI_0006 = new Check("DKL-DI-0006", Severity.MEDIUM,
            "Avoid latest tag", "https://vsupalov.com/docker-latest-tag/",
            "Pin images to a version tag or a digest (name:1.2.3 or name@sha256:…), never latest or no tag.");
    public static final Check DKL_LI_0001 = new Check("DKL-LI-0001", Severity.HIGH,
            "Avoid empty password", "https://blog.aquasec.com/cve-2019-5021-alpine-docker-image-vulnerability",
            "Lock the account (passwd -l USER, or ! or * in its password field) or give it a password.");
    public static final Check DKL_LI_0002 = new Check("DKL-LI-0002", Severity.HIGH,
            "Be unique UID/GROUPs", "http://www.linfo.org/uid.html",
            "Give every user its own UID in /etc/passwd and every group its own GID in /etc/group.");
    public static final Check DKL_LI_0003 = new Check("DKL-LI-0003", Severity.LOW,
            "Only put necessary files", "Dockle DKL-LI-0003",
            "Leave caches, temporary files, version control and editor metadata and build files out of the image "
                    + "(.dockerignore, or remove them in the layer that creates them).");
    public static final Check KSN_DI_0001 = new Check("KSN-DI-0001", Severity.MEDIUM,
            "Do not expose remote administration ports", "Kensa KSN-DI-0001",
            "Do not EXPOSE ports of remote shells and desktops (21 FTP, 22 SSH, 23 Telnet, 445 SMB, 2375 Docker, "
                    + "3389 RDP, 5900 VNC); administer containers with docker exec or kubectl exec.");
    public static final Check KSN_DI_0002 = new Check("KSN-DI-0002", Severity.MEDIUM,
            "Do not pipe downloaded scripts into a shell", "Kensa KSN-DI-0002",
            "Download the script to a file, verify its checksum or signature, then run it.");

    public static final Check KSV001 = new Check("KSV001", Severity.MEDIUM,
            "Process can elevate its own privileges", PSS + "#restricted",
            "Set securityContext.allowPrivilegeEscalation to false.");
    public static final Check KSV003 = new Check("KSV003", Severity.LOW,
            "Default capabilities not dropped", PSS + "#restricted",
            "Add ALL to securityContext.capabilities.drop and add back only the capabilities the container needs.");
    public static final Check KSV005 = new Check("KSV005", Severity.HIGH,
            "SYS_ADMIN capability added",
            "https://kubesec.io/basics/containers-securitycontext-capabilities-add-index-sys-admin/",
            "Remove SYS_ADMIN from securityContext.capabilities.add.");
    public static final Check KSV006 = new Check("KSV006", Severity.HIGH,
            "hostPath volume mounted with docker.sock",
            "https://kubesec.io/basics/spec-volumes-hostpath-path-var-run-docker-sock/",
            "Do not mount the container engine's socket (/var/run/docker.sock) into a pod.");
    public static final Check KSV008 = new Check("KSV008", Severity.HIGH,
            "Access to host IPC namespace", PSS + "#baseline",
            "Do not set spec.hostIPC to true.");
    public static final Check KSV009 = new Check("KSV009", Severity.HIGH,
            "Access to host network", PSS + "#baseline",
            "Do not set spec.hostNetwork to true.");
    public static final Check KSV010 = new Check("KSV010", Severity.HIGH,
            "Access to host PID", PSS + "#baseline",
            "Do not set spec.hostPID to true.");
    public static final Check KSV012 = new Check("KSV012", Severity.MEDIUM,
            "Runs as root user", PSS + "#restricted",
            "Set securityContext.runAsNonRoot to true (or runAsUser to a non-zero UID) on the container or the pod.");
    public static final Check KSV013 = new Check("KSV013", Severity.MEDIUM,
            "Image tag ':latest' used", "https://kubernetes.io/docs/concepts/configuration/overview/#container-images",
            "Use a specific image tag or a digest, not latest or no tag.");
    public static final Check KSV014 = new Check("KSV014", Severity.HIGH,
            "Root file system is not read-only",
            "https://kubesec.io/basics/containers-securitycontext-readonlyrootfilesystem-true/",
            "Set securityContext.readOnlyRootFilesystem to true and mount writable volumes where needed.");
    public static final Check KSV017 = new Check("KSV017", Severity.HIGH,
            "Privileged container", PSS + "#baseline",
            "Do not set securityContext.privileged to true.");
    public static final Check KSV022 = new Check("KSV022", Severity.MEDIUM,
            "Non-default capabilities added", PSS + "#baseline",
            "Add no capability beyond the Pod Security Standards' baseline set to securityContext.capabilities.add.");
    public static final Check KSV023 = new Check("KSV023", Severity.MEDIUM,
            "hostPath volumes mounted", PSS + "#baseline",
            "Do not use hostPath volumes; use persistent volumes, configMaps, secrets or emptyDir.");
    public static final Check KSV105 = new Check("KSV105", Severity.LOW,
            "Containers must not set runAsUser to 0", PSS + "#restricted",
            "Set securityContext.runAsUser to a non-zero UID, or leave it unset.");

    private static final List<Check> ALL = List.of(CIS_DI_0001, CIS_DI_0005, CIS_DI_0006, CIS_DI_0007, CIS_DI_0008,
            CIS_DI_0009, CIS_DI_0010, CIS_DI_0011, DKL_DI_0001, DKL_DI_0002, DKL_DI_0003, DKL_DI_0004, DKL_DI_0005,
            DKL_DI_0006, DKL_LI_0001, DKL_LI_0002, DKL_LI_0003, KSN_DI_0001, KSN_DI_0002, KSV001, KSV003, KSV005,
            KSV006, KSV008, KSV009, KSV010, KSV012, KSV013, KSV014, KSV017, KSV022, KSV023, KSV105);

    private Checks() {
    }

    /** Every check, image and Dockerfile checks first, then the Kubernetes ones. */
    public static List<Check> all() {
        return ALL;
    }
}
