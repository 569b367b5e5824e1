package io.kensa.analyze.misconfig.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveNamesTest {

    @Test
    void credentialLikeNames() {
        for (String name : List.of("DB_PASSWORD", "MYSQL_ROOT_PASSWORD", "PASSWD", "REDIS_PASS", "AWS_SECRET_ACCESS_KEY",
                "AWS_ACCESS_KEY_ID", "GITHUB_TOKEN", "NPM_TOKEN", "API_KEY", "APIKEY", "dbPassword", "stripeSecret",
                "SECRET_KEY_BASE", "CLIENT_SECRET", "GOOGLE_CREDENTIALS", "PRIVATE_KEY", "SLACK_AUTHTOKEN",
                "SSH_PASSPHRASE")) {
            assertThat(SensitiveNames.isSensitive(name)).as(name).isTrue();
        }
    }

    @Test
    void namesThatAreNot() {
        for (String name : List.of("PATH", "HOME", "JAVA_OPTS", "NODE_VERSION", "GPG_KEY", "GPG_KEYS", "KEYBOARD",
                "MONKEY_COUNT", "PASSENGER_APP_ENV", "ACCESS_LOG", "DB_PASSWORD_FILE", "SSH_KEY_PATH", "SECRETS_DIR",
                "PUBLIC_KEY", "JWT_PUB_KEY", "PYTHON_SHA256", "BYPASS_CACHE", "", "PWD")) {
            assertThat(SensitiveNames.isSensitive(name)).as(name).isFalse();
        }
    }

    @Test
    void masking() {
        assertThat(SensitiveNames.maskAssignments("|2 API_KEY=abc123xyz VERSION=1.2 /bin/sh -c make"))
                .isEqualTo("|2 API_KEY=******** VERSION=1.2 /bin/sh -c make");
        assertThat(SensitiveNames.maskAssignments("ENV DB_PASSWORD=\"two words\" DB_HOST=db"))
                .isEqualTo("ENV DB_PASSWORD=******** DB_HOST=db");
        assertThat(SensitiveNames.maskAssignments("ENV EMPTY_TOKEN= NEXT=1")).isEqualTo("ENV EMPTY_TOKEN= NEXT=1");
        assertThat(SensitiveNames.maskValues("echo hunter2hunter2 and hunter2", List.of("hunter2", "hunter2hunter2")))
                .isEqualTo("echo ******** and ********");
        assertThat(SensitiveNames.maskValues("x=1", List.of("1"))).isEqualTo("x=1");
    }

    @Test
    void ports() {
        assertThat(SensitivePorts.service("22/tcp")).isEqualTo("SSH (22)");
        assertThat(SensitivePorts.service("3389")).isEqualTo("RDP (3389)");
        assertThat(SensitivePorts.service("5900-5910/tcp")).isEqualTo("VNC (5900)");
        assertThat(SensitivePorts.service("20-25")).isEqualTo("FTP (21)");
        assertThat(SensitivePorts.service("8080/tcp")).isNull();
        assertThat(SensitivePorts.service("2222")).isNull();
        assertThat(SensitivePorts.service("$PORT")).isNull();
        assertThat(SensitivePorts.service("99999")).isNull();
    }

    @Test
    void imageReferences() {
        assertThat(ImageReference.isLatest("debian")).isTrue();
        assertThat(ImageReference.isLatest("debian:latest")).isTrue();
        assertThat(ImageReference.isLatest("localhost:5000/app")).isTrue();
        assertThat(ImageReference.isLatest("localhost:5000/app:1.2")).isFalse();
        assertThat(ImageReference.isLatest("debian:latest@sha256:" + "a".repeat(64))).isFalse();
        assertThat(ImageReference.isLatest("scratch")).isFalse();
        assertThat(ImageReference.isLatest("${BASE}")).isFalse();
        assertThat(ImageReference.tag("registry:5000/ns/app:v1")).isEqualTo("v1");
        assertThat(ImageReference.tag("registry:5000/ns/app")).isNull();
    }
}
