/**
 * Misconfiguration checks: Dockle's image checks (CIS Docker Benchmark section 4 and Dockle's DKL checks) on an
 * image's config, history and files, the same checks on a Dockerfile, and the security-context checks of Kubernetes
 * workloads.
 *
 * <h2>Where things are</h2>
 * <ul>
 *   <li>{@code checks/}: the catalogue ({@link io.kensa.analyze.misconfig.checks.Checks}: id, severity, title,
 *       reference, remedy of every check), and what the image and Dockerfile checks share: the RUN-script checks
 *       ({@link io.kensa.analyze.misconfig.checks.ScriptChecks} over
 *       {@link io.kensa.analyze.misconfig.checks.ShellScript}), credential-like names and their masking, sensitive
 *       ports, image tags.</li>
 *   <li>{@code image/}: {@link io.kensa.analyze.misconfig.image.ImageMisconfigDetector} (a
 *       {@link io.kensa.analyze.scan.Detector}) and the three analyzers it reads through the inventory's files,
 *       listed by {@link io.kensa.analyze.misconfig.MisconfigAnalyzers#all()}: file modes (no content read),
 *       account files (only derived facts kept, never a password hash), suspicious file names (no content
 *       read).</li>
 *   <li>{@code dockerfile/}: our own Dockerfile parser and the Dockerfile checks.</li>
 *   <li>{@code kubernetes/}: a YAML reader that keeps lines, and the workload checks.</li>
 *   <li>{@link io.kensa.analyze.misconfig.ConfigScanner}: {@code kensa config PATH}.</li>
 * </ul>
 *
 * <h2>Severities</h2>
 * Dockle grades its checks FATAL, WARN and INFO; Kensa maps them to its severities:
 * <table>
 *   <caption>Dockle level to Kensa severity</caption>
 *   <tr><th>Dockle</th><th>Kensa</th></tr>
 *   <tr><td>FATAL</td><td>HIGH</td></tr>
 *   <tr><td>WARN</td><td>MEDIUM</td></tr>
 *   <tr><td>INFO</td><td>LOW</td></tr>
 * </table>
 * The Kubernetes checks keep the severities Trivy gives the same KSV ids.
 *
 * <h2>The checks</h2>
 * <table>
 *   <caption>Every check, its severity (Dockle's level) and what it looks at</caption>
 *   <tr><th>id</th><th>severity</th><th>title</th><th>image (config, history, files)</th><th>Dockerfile</th></tr>
 *   <tr><td>CIS-DI-0001</td><td>MEDIUM (WARN)</td><td>Create a user for the container</td>
 *       <td>config {@code User} empty, {@code root}, {@code 0}, or a name {@code /etc/passwd} gives UID 0</td>
 *       <td>no USER in the final image's stages, or the last is root/0</td></tr>
 *   <tr><td>CIS-DI-0002 … 0004</td><td>-</td><td>trusted base images, unnecessary packages, security patches</td>
 *       <td colspan="2">not checkable from an image alone (0004 is the vulnerability scanner's job); not
 *       reported, as in Dockle</td></tr>
 *   <tr><td>CIS-DI-0005</td><td>LOW (INFO)</td><td>Enable Content trust for Docker</td>
 *       <td>{@code DOCKER_CONTENT_TRUST} is not 1 where the scan runs (as Dockle)</td><td>-</td></tr>
 *   <tr><td>CIS-DI-0006</td><td>LOW (INFO)</td><td>Add HEALTHCHECK instruction to the container image</td>
 *       <td>no {@code Healthcheck}, or {@code NONE}</td><td>no HEALTHCHECK in the final image's stages, or
 *       {@code NONE}</td></tr>
 *   <tr><td>CIS-DI-0007</td><td>HIGH (FATAL)</td><td>Do not use update instructions alone in the Dockerfile</td>
 *       <td colspan="2">a RUN with {@code apt-get/apt/aptitude update} (or {@code apk update}) and no install or
 *       upgrade after it</td></tr>
 *   <tr><td>CIS-DI-0008</td><td>LOW (INFO)</td><td>Confirm safety of setuid/setgid files</td>
 *       <td>each file the container sees with the setuid or setgid bit (path, mode, layer)</td>
 *       <td>{@code chmod u+s}/{@code 4755}, {@code install -m 4755}, {@code COPY/ADD --chmod} with those bits</td></tr>
 *   <tr><td>CIS-DI-0009</td><td>HIGH (FATAL)</td><td>Use COPY instead of ADD in Dockerfile</td>
 *       <td>ADD history lines, except the one that made the first layer at {@code /} (the base image)</td>
 *       <td>ADD, except a local archive into {@code /} of a {@code FROM scratch} stage</td></tr>
 *   <tr><td>CIS-DI-0010</td><td>HIGH (FATAL)</td><td>Do not store secrets in Dockerfiles</td>
 *       <td>credential-like {@code Env} names with a value, ENV/ARG history lines and build arguments recorded
 *       with RUN lines (values masked); files named like credential stores (Dockle's list: {@code credentials},
 *       {@code id_rsa}, {@code .jks} …)</td><td>ENV with a value, ARG (with or without a default)</td></tr>
 *   <tr><td>CIS-DI-0011</td><td>MEDIUM</td><td>Install verified packages only</td>
 *       <td colspan="2">RUN with package signature checks off ({@code --allow-unauthenticated}, {@code --force-yes},
 *       {@code --allow-untrusted}, {@code --nogpgcheck}, {@code rpm --nosignature}, {@code pip --trusted-host});
 *       Dockle leaves this check out, its earlier documentation graded it WARN</td></tr>
 *   <tr><td>DKL-DI-0001</td><td>HIGH (FATAL)</td><td>Avoid sudo command</td>
 *       <td colspan="2">a command run through {@code sudo} in a RUN (installing the sudo package is not)</td></tr>
 *   <tr><td>DKL-DI-0002</td><td>HIGH (FATAL)</td><td>Avoid sensitive directory mounting</td>
 *       <td>{@code Volumes} /dev, /proc, /sys</td><td>VOLUME of those in the final image's stages</td></tr>
 *   <tr><td>DKL-DI-0003</td><td>HIGH (FATAL)</td><td>Avoid apt-get/apk/dist-upgrade</td>
 *       <td colspan="2">{@code apt-get upgrade|dist-upgrade|full-upgrade}; {@code apk upgrade},
 *       {@code yum|dnf|microdnf|zypper update|upgrade} without package names</td></tr>
 *   <tr><td>DKL-DI-0004</td><td>HIGH (FATAL)</td><td>Use apk add with --no-cache</td>
 *       <td colspan="2">{@code apk add} without {@code --no-cache}, unless the RUN removes {@code /var/cache/apk}
 *       or mounts a build cache there</td></tr>
 *   <tr><td>DKL-DI-0005</td><td>HIGH (FATAL)</td><td>Clear apt-get caches</td>
 *       <td colspan="2">{@code apt-get update/install} with no {@code rm … /var/lib/apt/lists} after it in the RUN,
 *       unless a build cache is mounted on {@code /var/lib/apt}</td></tr>
 *   <tr><td>DKL-DI-0006</td><td>MEDIUM (WARN)</td><td>Avoid latest tag</td>
 *       <td>the image reference (artifact name, OCI layout {@code PATH:TAG}, archive RepoTags) is
 *       {@code :latest} or untagged</td><td>FROM an image with {@code :latest} or no tag (not a stage, scratch,
 *       a digest, or an unknown build argument)</td></tr>
 *   <tr><td>DKL-LI-0001</td><td>HIGH (FATAL)</td><td>Avoid empty password</td>
 *       <td>a user with an empty password field in {@code /etc/shadow} or {@code /etc/passwd}</td><td>-</td></tr>
 *   <tr><td>DKL-LI-0002</td><td>HIGH (FATAL)</td><td>Be unique UID/GROUPs</td>
 *       <td>a UID shared in {@code /etc/passwd}, a GID shared in {@code /etc/group}</td><td>-</td></tr>
 *   <tr><td>DKL-LI-0003</td><td>LOW (INFO)</td><td>Only put necessary files</td>
 *       <td>{@code Dockerfile}, {@code docker-compose.yml}, {@code .vimrc}, {@code .DS_Store}, shell histories;
 *       files directly in {@code .cache}, {@code tmp}, {@code .git}, {@code .svn}, {@code .hg}, {@code .vscode},
 *       {@code .idea}, {@code .npm} (one finding per directory); not under {@code node_modules}, {@code vendor},
 *       {@code site-packages}, {@code dist-packages}, {@code gems}</td><td>-</td></tr>
 *   <tr><td>KSN-DI-0001</td><td>MEDIUM</td><td>Do not expose remote administration ports</td>
 *       <td>{@code ExposedPorts} with 21, 22, 23, 445, 2375, 3389 or 5900 (ranges too)</td>
 *       <td>EXPOSE of those in the final image's stages</td></tr>
 *   <tr><td>KSN-DI-0002</td><td>MEDIUM</td><td>Do not pipe downloaded scripts into a shell</td>
 *       <td colspan="2">{@code curl|wget … | sh} (any shell, also through sudo), {@code sh -c "$(curl …)"},
 *       {@code bash <(curl …)}</td></tr>
 * </table>
 * KSN ids are Kensa's own: Dockle has no such checks. The Kubernetes checks (KSV001, 003, 005, 006, 008, 009, 010,
 * 012, 013, 014, 017, 022, 023, 105) are described in {@link io.kensa.analyze.misconfig.kubernetes.KubernetesChecks}.
 *
 * <h2>Known limits</h2>
 * The inventory only tracks the files some analyzer wants, so a later layer that clears a setuid bit
 * ({@code RUN chmod u-s FILE}) hides the earlier setuid entry only for the programs distributions ship setuid
 * ({@code su}, {@code passwd}, {@code mount} …, which the file-mode analyzer always records); for another file the
 * earlier setuid entry stays visible (Dockle has the same blind spot). Shell scripts are read for what runs, without
 * expanding variables ({@code $PKG update} is not an update).
 */
package io.kensa.analyze.misconfig;
