package io.kensa.analyze.misconfig.checks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each RUN-script check firing and not firing, on scripts written as Dockerfiles write them. */
class ScriptChecksTest {

    static List<String> ids(String script) {
        return ids(script, Set.of());
    }

    static List<String> ids(String script, Set<String> mounts) {
        return ScriptChecks.check(script, mounts, true).stream().map(h -> h.check().id()).sorted().toList();
    }

    @Test
    void updateAlone() {
        assertThat(ids("apt-get update")).containsExactly("CIS-DI-0007", "DKL-DI-0005");
        assertThat(ids("apt update -qq")).contains("CIS-DI-0007");
        assertThat(ids("apk update")).containsExactly("CIS-DI-0007");
        assertThat(ids("apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*"))
                .isEmpty();
        assertThat(ids("set -eux; apt-get -o Acquire::Retries=3 update; DEBIAN_FRONTEND=noninteractive apt-get "
                + "upgrade -y; rm -rf /var/lib/apt/lists/*")).containsExactly("DKL-DI-0003");
        assertThat(ids("apk update && apk add --no-cache curl")).isEmpty();
        // an install before the update does not count: the update is still alone at the end
        assertThat(ids("apt-get install -y x && apt-get update")).contains("CIS-DI-0007");
        // the word update as a package name or argument is not an update
        assertThat(ids("apt-get install -y update-notifier && rm -rf /var/lib/apt/lists/*")).isEmpty();
    }

    @Test
    void sudo() {
        assertThat(ids("sudo make install")).containsExactly("DKL-DI-0001");
        assertThat(ids("echo 'x ALL=(ALL) NOPASSWD:ALL' | sudo tee /etc/sudoers.d/x")).containsExactly("DKL-DI-0001");
        assertThat(ids("if [ -x /usr/bin/sudo ]; then sudo -u app -E /opt/app/setup; fi")).containsExactly("DKL-DI-0001");
        assertThat(ids("apk add --no-cache sudo")).isEmpty();
        assertThat(ids("echo sudo is not used here")).isEmpty();
    }

    @Test
    void upgrades() {
        assertThat(ids("apt-get dist-upgrade -y")).containsExactly("DKL-DI-0003");
        assertThat(ids("apt full-upgrade -y")).containsExactly("DKL-DI-0003");
        assertThat(ids("apk upgrade --no-cache")).containsExactly("DKL-DI-0003");
        assertThat(ids("yum -y update && yum clean all")).containsExactly("DKL-DI-0003");
        assertThat(ids("dnf upgrade --refresh -y")).containsExactly("DKL-DI-0003");
        // upgrading named packages is a targeted fix, not a distribution upgrade
        assertThat(ids("apk upgrade --no-cache openssl libcrypto3")).isEmpty();
        assertThat(ids("yum update -y openssl")).isEmpty();
    }

    @Test
    void apkCache() {
        assertThat(ids("apk add curl")).containsExactly("DKL-DI-0004");
        assertThat(ids("apk add --update --virtual .build-deps gcc musl-dev")).containsExactly("DKL-DI-0004");
        assertThat(ids("apk --no-cache add curl")).isEmpty();
        assertThat(ids("apk add curl && rm -rf /var/cache/apk/*")).isEmpty();
        assertThat(ids("apk add curl", Set.of("/var/cache/apk"))).isEmpty();
    }

    @Test
    void aptCaches() {
        assertThat(ids("apt-get install -y curl")).containsExactly("DKL-DI-0005");
        assertThat(ids("apt-get update && apt-get install -y curl && apt-get clean")).containsExactly("DKL-DI-0005");
        assertThat(ids("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")).isEmpty();
        assertThat(ids("apt-get update && apt-get install -y curl", Set.of("/var/lib/apt/"))).isEmpty();
        // removing the lists before the update does not clear what the update wrote
        assertThat(ids("rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl"))
                .containsExactly("DKL-DI-0005");
    }

    @Test
    void unverifiedPackages() {
        assertThat(ids("apt-get install -y --allow-unauthenticated x && rm -rf /var/lib/apt/lists/*"))
                .containsExactly("CIS-DI-0011");
        assertThat(ids("apt-get -o APT::Get::AllowUnauthenticated=true install -y x && rm -rf /var/lib/apt/lists/*"))
                .containsExactly("CIS-DI-0011");
        assertThat(ids("apk add --no-cache --allow-untrusted /tmp/x.apk")).containsExactly("CIS-DI-0011");
        assertThat(ids("yum install -y --nogpgcheck x")).containsExactly("CIS-DI-0011");
        assertThat(ids("dnf --setopt=gpgcheck=0 install -y x")).containsExactly("CIS-DI-0011");
        assertThat(ids("zypper --no-gpg-checks install -y x")).containsExactly("CIS-DI-0011");
        assertThat(ids("rpm -i --nosignature x.rpm")).containsExactly("CIS-DI-0011");
        assertThat(ids("pip install --trusted-host pypi.example.com -r requirements.txt")).containsExactly("CIS-DI-0011");
        assertThat(ids("python3 -m pip install --no-cache-dir -r requirements.txt")).isEmpty();
        assertThat(ids("yum install -y x")).isEmpty();
    }

    @Test
    void downloadsPipedIntoAShell() {
        assertThat(ids("curl -fsSL https://get.example.com/install.sh | sh")).containsExactly("KSN-DI-0002");
        assertThat(ids("wget -qO- https://x/i.sh | sudo bash -s -- -y")).containsExactly("DKL-DI-0001", "KSN-DI-0002");
        assertThat(ids("curl -sL https://x/i.sh | tee /tmp/i.sh | sh")).containsExactly("KSN-DI-0002");
        assertThat(ids("sh -c \"$(curl -fsSL https://x/install.sh)\"")).containsExactly("KSN-DI-0002");
        assertThat(ids("bash <(curl -s https://x/i.sh)")).containsExactly("KSN-DI-0002");
        assertThat(ids("curl -fsSLo /tmp/i.sh https://x/i.sh && echo \"$SUM  /tmp/i.sh\" | sha256sum -c && sh /tmp/i.sh"))
                .isEmpty();
        assertThat(ids("curl -s https://x/data.json | jq .version")).isEmpty();
        // a new pipeline after && does not see the download of the one before
        assertThat(ids("curl -o x https://x/x && cat x | sh")).isEmpty();
    }

    @Test
    void setuidBits() {
        assertThat(ids("chmod u+s /usr/local/bin/tool")).containsExactly("CIS-DI-0008");
        assertThat(ids("chmod 4755 /usr/local/bin/tool")).containsExactly("CIS-DI-0008");
        assertThat(ids("chmod g+s,o-w /srv/shared")).containsExactly("CIS-DI-0008");
        assertThat(ids("install -o root -m 4755 /bin/busybox /usr/local/bin/netdiag")).containsExactly("CIS-DI-0008");
        assertThat(ids("chmod 0755 /x && chmod u-s /bin/su && chmod 1777 /tmp && chmod +x /y")).isEmpty();
        assertThat(ScriptChecks.check("chmod u+s /x", Set.of(), false)).isEmpty();
    }

    @Test
    void cacheMountTargets() {
        assertThat(ScriptChecks.cacheMountTarget("type=cache,target=/var/cache/apt,sharing=locked"))
                .isEqualTo("/var/cache/apt");
        assertThat(ScriptChecks.cacheMountTarget("type=cache,dst=/root/.cache")).isEqualTo("/root/.cache");
        assertThat(ScriptChecks.cacheMountTarget("type=secret,id=npmrc,target=/root/.npmrc")).isNull();
    }

    @Test
    void shellCommandsAreCutAsTheShellWould() {
        List<ShellScript.Command> c = ShellScript.parse(
                "set -e; for p in a b; do echo \"$p && x\" > /dev/null 2>&1; done\n# comment && sudo x\n"
                        + "( cd /src && make ) || exit 1 & wait | cat");
        assertThat(c).extracting(ShellScript.Command::words).containsExactly(
                List.of("set", "-e"), List.of("for", "p", "in", "a", "b"), List.of("echo", "$p && x"),
                List.of("cd", "/src"), List.of("make"), List.of("exit", "1"), List.of("wait"), List.of("cat"));
        assertThat(c).extracting(ShellScript.Command::piped)
                .containsExactly(false, false, false, false, false, false, false, true);
        assertThat(ProgramCall.of(ShellScript.parse("DEBIAN_FRONTEND=noninteractive sudo -E -u root "
                + "/usr/bin/apt-get -o Dpkg::Options::=--force-confold install -y x").getFirst()))
                .satisfies(p -> {
                    assertThat(p.program()).isEqualTo("apt-get");
                    assertThat(p.sudo()).isTrue();
                    assertThat(p.subcommand(Set.of("-o"))).isEqualTo("install");
                });
    }
}
