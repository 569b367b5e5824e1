package io.kensa.analyze.misconfig.dockerfile;

import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.core.vuln.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each Dockerfile check firing and not firing, with the line of the instruction at fault. */
class DockerfileChecksTest {

    static List<MisconfigFinding> check(String dockerfile) {
        return DockerfileChecks.run(DockerfileParser.parse(dockerfile, "Dockerfile"), "Dockerfile");
    }

    /** "ID@line" of every finding, sorted by line then id. */
    static List<String> hits(String dockerfile) {
        return check(dockerfile).stream().map(f -> f.id() + "@" + f.line()).sorted(
                java.util.Comparator.comparing((String s) -> Integer.parseInt(s.substring(s.indexOf('@') + 1)))
                        .thenComparing(s -> s)).toList();
    }

    /** The hits of one check. */
    static List<String> hits(String dockerfile, String id) {
        return hits(dockerfile).stream().filter(h -> h.startsWith(id + "@")).toList();
    }

    static final String CLEAN_TAIL = "USER 10001\nHEALTHCHECK CMD [\"/app\", \"health\"]\n";

    @Test
    void theAcceptanceDockerfile() {
        List<MisconfigFinding> found = check("""
                FROM debian:latest
                RUN apt-get update
                ADD https://example.com/tool.tgz /opt/
                ENV DB_PASSWORD=hunter2hunter2
                RUN sudo apt-get install -y curl
                COPY . /app
                CMD ["/app/run"]
                """);
        assertThat(found).extracting(MisconfigFinding::id, MisconfigFinding::line).containsExactlyInAnyOrder(
                tuple("CIS-DI-0001", 1), tuple("CIS-DI-0006", 1), tuple("DKL-DI-0006", 1),
                tuple("CIS-DI-0007", 2), tuple("DKL-DI-0005", 2),
                tuple("CIS-DI-0009", 3),
                tuple("CIS-DI-0010", 4),
                tuple("DKL-DI-0001", 5), tuple("DKL-DI-0005", 5));
        assertThat(found).allMatch(f -> f.source().equals("dockerfile") && f.path().equals("Dockerfile")
                && f.layer() == null);
        assertThat(found.toString()).doesNotContain("hunter2");
        MisconfigFinding add = found.stream().filter(f -> f.id().equals("CIS-DI-0009")).findFirst().orElseThrow();
        assertThat(add.evidence()).containsExactly("ADD https://example.com/tool.tgz /opt/",
                "ADD of a remote URL: fetched without verification");
        assertThat(add.severity()).isEqualTo(Severity.HIGH);
        assertThat(found.stream().filter(f -> f.id().equals("CIS-DI-0010")).findFirst().orElseThrow().evidence())
                .containsExactly("ENV DB_PASSWORD=********", "ENV sets DB_PASSWORD in the image's environment (value hidden)");
    }

    @Test
    void aCleanMultiStageBuild() {
        assertThat(check("""
                # syntax=docker/dockerfile:1
                FROM golang:1.22-bookworm AS build
                WORKDIR /src
                COPY go.mod go.sum ./
                RUN --mount=type=cache,target=/root/.cache/go-build go mod download
                COPY . .
                RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app
                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /out/app /app
                USER nonroot:nonroot
                HEALTHCHECK --interval=30s CMD ["/app", "healthcheck"]
                EXPOSE 8080
                ENTRYPOINT ["/app"]
                """)).isEmpty();
    }

    @Test
    void user() {
        assertThat(hits("FROM alpine:3.19\nRUN adduser -D app\nUSER app\nUSER root\n" + "HEALTHCHECK NONE\n",
                "CIS-DI-0001")).containsExactly("CIS-DI-0001@4");
        assertThat(hits("FROM alpine:3.19\nUSER 0:0\n", "CIS-DI-0001")).containsExactly("CIS-DI-0001@2");
        // USER only in a builder stage: the final stage still has none
        assertThat(hits("FROM alpine:3.19 AS b\nUSER app\nFROM alpine:3.19\nCOPY --from=b /x /x\n", "CIS-DI-0001"))
                .containsExactly("CIS-DI-0001@3");
        // the final stage builds on a stage that sets USER: inherited
        assertThat(hits("FROM alpine:3.19 AS base\nUSER app\nFROM base\nRUN true\n", "CIS-DI-0001")).isEmpty();
        // a user that only the build knows: not judged
        assertThat(hits("FROM alpine:3.19\nARG RUNTIME_USER\nUSER ${RUNTIME_USER}\n", "CIS-DI-0001")).isEmpty();
        assertThat(hits("FROM alpine:3.19\nARG RUNTIME_USER=root\nUSER ${RUNTIME_USER}\n", "CIS-DI-0001"))
                .containsExactly("CIS-DI-0001@3");
    }

    @Test
    void healthcheck() {
        assertThat(hits("FROM alpine:3.19\nUSER 1\nHEALTHCHECK NONE\n", "CIS-DI-0006")).containsExactly("CIS-DI-0006@3");
        assertThat(hits("FROM alpine:3.19 AS base\nHEALTHCHECK CMD true\nFROM base\nUSER 1\n", "CIS-DI-0006")).isEmpty();
        assertThat(hits("FROM alpine:3.19\nUSER 1\n\nRUN true\n", "CIS-DI-0006")).containsExactly("CIS-DI-0006@1");
    }

    @Test
    void add() {
        assertThat(hits("FROM alpine:3.19\nADD app.tar.gz /srv/\n" + CLEAN_TAIL)).containsExactly("CIS-DI-0009@2");
        assertThat(hits("FROM alpine:3.19\nADD --chmod=4755 tool /usr/local/bin/\n" + CLEAN_TAIL))
                .containsExactly("CIS-DI-0008@2", "CIS-DI-0009@2");
        assertThat(hits("FROM alpine:3.19\nADD git@github.com:moby/buildkit.git /src\n" + CLEAN_TAIL))
                .containsExactly("CIS-DI-0009@2");
        // how base images are made: a root file system archive into / of scratch
        assertThat(hits("FROM scratch\nADD alpine-minirootfs-3.19.1-x86_64.tar.gz /\n" + CLEAN_TAIL)).isEmpty();
        assertThat(hits("FROM alpine:3.19\nCOPY --chmod=u+s tool /usr/local/bin/\nCOPY --chmod=755 x /x\n"
                + CLEAN_TAIL)).containsExactly("CIS-DI-0008@2");
    }

    @Test
    void credentials() {
        assertThat(hits("""
                ARG GITHUB_TOKEN
                FROM node:20.11-alpine
                ARG NPM_TOKEN
                ARG NODE_ENV=production
                ENV API_TOKEN=$NPM_TOKEN
                ENV DB_PASSWORD=
                ENV DB_PASSWORD_FILE=/run/secrets/db GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
                ENV MYSQL_ROOT_PASSWORD my secret words
                USER node
                HEALTHCHECK CMD node healthcheck.js
                """)).containsExactly("CIS-DI-0010@1", "CIS-DI-0010@3", "CIS-DI-0010@5", "CIS-DI-0010@8");
        List<MisconfigFinding> f = check("FROM alpine:3.19\nARG DEPLOY_KEY=abcdef123456\nRUN echo abcdef123456 > /k && sudo true\n"
                + CLEAN_TAIL);
        assertThat(f.toString()).doesNotContain("abcdef123456");
        assertThat(f).extracting(MisconfigFinding::id).containsExactly("CIS-DI-0010", "DKL-DI-0001");
    }

    @Test
    void latestTag() {
        assertThat(hits("FROM ubuntu\n" + CLEAN_TAIL)).containsExactly("DKL-DI-0006@1");
        assertThat(hits("FROM docker.io/library/ubuntu:latest AS b\nFROM ubuntu:22.04\n" + CLEAN_TAIL))
                .containsExactly("DKL-DI-0006@1");
        assertThat(hits("ARG BASE=node:latest\nFROM $BASE\n" + CLEAN_TAIL)).containsExactly("DKL-DI-0006@2");
        assertThat(hits("ARG BASE\nFROM $BASE\n" + CLEAN_TAIL)).isEmpty();
        assertThat(hits("FROM ubuntu@sha256:" + "a".repeat(64) + "\n" + CLEAN_TAIL)).isEmpty();
        assertThat(hits("FROM ubuntu:22.04 AS build\nFROM build\n" + CLEAN_TAIL)).isEmpty();
        assertThat(hits("FROM scratch\n" + CLEAN_TAIL)).isEmpty();
    }

    @Test
    void exposeAndVolumeOfTheFinalImage() {
        assertThat(hits("FROM alpine:3.19\nEXPOSE 8080 22/tcp\nVOLUME [\"/proc\", \"/data\"]\n" + CLEAN_TAIL))
                .containsExactly("KSN-DI-0001@2", "DKL-DI-0002@3");
        // a build stage's EXPOSE is not in the image
        assertThat(hits("FROM alpine:3.19 AS test\nEXPOSE 22\nFROM alpine:3.19\n" + CLEAN_TAIL)).isEmpty();
        assertThat(hits("FROM alpine:3.19\nARG PORT=3389\nEXPOSE ${PORT}\nVOLUME /sys/\n" + CLEAN_TAIL))
                .containsExactly("KSN-DI-0001@3", "DKL-DI-0002@4");
    }

    @Test
    void runForms() {
        assertThat(hits("""
                FROM debian:12
                RUN <<EOF
                apt-get update
                echo no install here
                EOF
                RUN python3 <<EOF
                import subprocess; subprocess.run(["sudo", "ls"])
                EOF
                RUN ["/bin/sh", "-c", "sudo ls"]
                RUN ["sudo", "ls"]
                ONBUILD RUN sudo make install
                USER 1000
                HEALTHCHECK CMD true
                """)).containsExactly("CIS-DI-0007@2", "DKL-DI-0005@2", "DKL-DI-0001@9", "DKL-DI-0001@10");
        assertThat(hits("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                SHELL ["powershell", "-Command"]
                RUN sudo apt-get update
                USER ContainerUser
                HEALTHCHECK CMD ["cmd", "/c", "exit 0"]
                """)).isEmpty();
    }

    @Test
    void runEvidenceMasksCredentialAssignments() {
        MisconfigFinding f = check("FROM alpine:3.19\nRUN API_TOKEN=t0k3nvalue42 sudo -E ./deploy.sh\n" + CLEAN_TAIL)
                .getFirst();
        assertThat(f.id()).isEqualTo("DKL-DI-0001");
        assertThat(f.evidence()).containsExactly("RUN API_TOKEN=******** sudo -E ./deploy.sh");
    }
}
