package io.kensa.analyze.misconfig.dockerfile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerfileParserTest {

    static Dockerfile parse(String text) {
        return DockerfileParser.parse(text, "Dockerfile");
    }

    static List<Instruction> body(String text) {
        return parse(text).stages().getLast().instructions();
    }

    @Test
    void continuationLinesAreJoinedAndKeepTheStartLine() {
        Dockerfile d = parse("""
                FROM debian:12
                RUN apt-get update \\
                    && apt-get install -y curl \\\t
                    && rm -rf /var/lib/apt/lists/*
                CMD ["bash"]
                """);
        Instruction run = d.stages().getFirst().instructions().getFirst();
        assertThat(run.keyword()).isEqualTo("RUN");
        assertThat(run.line()).isEqualTo(2);
        assertThat(run.endLine()).isEqualTo(4);
        assertThat(run.arguments()).isEqualTo("apt-get update     && apt-get install -y curl     && rm -rf /var/lib/apt/lists/*");
        assertThat(d.stages().getFirst().instructions().get(1).line()).isEqualTo(5);
    }

    @Test
    void commentAndEmptyLinesInsideAContinuationAreSkipped() {
        List<Instruction> b = body("""
                FROM alpine:3.19
                RUN apk add --no-cache \\
                # the compiler
                    gcc \\

                    musl-dev
                # a comment between instructions
                USER 1000
                """);
        assertThat(b.getFirst().arguments()).isEqualTo("apk add --no-cache     gcc     musl-dev");
        assertThat(b.getFirst().endLine()).isEqualTo(6);
        assertThat(b.get(1).keyword()).isEqualTo("USER");
        assertThat(b.get(1).line()).isEqualTo(8);
    }

    @Test
    void escapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile d = parse("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                COPY testfile.txt c:\\
                RUN dir c:\\ `
                    && echo done
                """);
        assertThat(d.directives()).containsEntry("escape", "`");
        List<Instruction> b = d.stages().getFirst().instructions();
        assertThat(b.getFirst().expanded()).containsExactly("testfile.txt", "c:\\");
        assertThat(b.get(1).arguments()).isEqualTo("dir c:\\     && echo done");
        assertThat(b.get(1).line()).isEqualTo(4);
    }

    @Test
    void directivesOnlyAtTheTop() {
        Dockerfile d = parse("""
                # syntax=docker/dockerfile:1
                # check=skip=JSONArgsRecommended
                # escape=`
                FROM scratch
                """);
        assertThat(d.directives()).isEqualTo(Map.of("syntax", "docker/dockerfile:1",
                "check", "skip=JSONArgsRecommended", "escape", "`"));
        Dockerfile late = parse("""
                # a comment first
                # escape=`
                FROM scratch
                """);
        assertThat(late.directives()).isEmpty();
        Dockerfile afterUnknown = parse("# unknowndirective=value\n# escape=`\nFROM scratch\n");
        assertThat(afterUnknown.directives()).isEmpty();
    }

    @Test
    void heredocs() {
        List<Instruction> b = body("""
                FROM debian:12
                RUN <<EOF
                apt-get update
                apt-get install -y curl
                EOF
                RUN <<-EOT bash
                \tset -e
                \techo "$HOME"
                \tEOT
                COPY <<"a.txt" <<'b.txt' /dest/
                literal $HOME
                a.txt
                second
                b.txt
                RUN cat <<<"here-string, not a heredoc"
                USER app
                """);
        Instruction first = b.getFirst();
        assertThat(first.heredocs()).hasSize(1);
        assertThat(first.heredocs().getFirst().content()).isEqualTo("apt-get update\napt-get install -y curl\n");
        assertThat(first.heredocs().getFirst().expand()).isTrue();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.endLine()).isEqualTo(5);
        Instruction dashed = b.get(1);
        assertThat(dashed.heredocs().getFirst().content()).isEqualTo("set -e\necho \"$HOME\"\n");
        assertThat(dashed.heredocs().getFirst().stripTabs()).isTrue();
        assertThat(dashed.line()).isEqualTo(6);
        Instruction copy = b.get(2);
        assertThat(copy.heredocs()).extracting(Heredoc::name).containsExactly("a.txt", "b.txt");
        assertThat(copy.heredocs()).extracting(Heredoc::content).containsExactly("literal $HOME\n", "second\n");
        assertThat(copy.heredocs()).allMatch(h -> !h.expand());
        assertThat(copy.line()).isEqualTo(10);
        assertThat(b.get(3).heredocs()).isEmpty();
        assertThat(b.get(3).line()).isEqualTo(15);
        assertThat(b.get(4).line()).isEqualTo(16);
    }

    @Test
    void execAndShellForms() {
        List<Instruction> b = body("""
                FROM debian:12
                CMD ["nginx", "-g", "daemon off;"]
                RUN [ "/bin/sh", "-c", "echo hi" ]
                ENTRYPOINT ["broken",
                RUN echo [not json]
                VOLUME ["/data", "/logs"]
                """);
        assertThat(b.getFirst().execForm()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(b.get(1).execForm()).containsExactly("/bin/sh", "-c", "echo hi");
        assertThat(b.get(2).execForm()).isNull();
        assertThat(b.get(2).arguments()).isEqualTo("[\"broken\",");
        assertThat(b.get(3).execForm()).isNull();
        assertThat(b.get(4).expanded()).containsExactly("/data", "/logs");
    }

    @Test
    void argAndEnvSubstitution() {
        Dockerfile d = parse("""
                ARG BASE=debian
                ARG TAG
                ARG REGISTRY=docker.io
                FROM ${REGISTRY}/library/${BASE}:${TAG:-12} AS build
                ARG BASE
                ENV APP=/opt/app HOME_DIR="$BASE home"
                WORKDIR $APP/bin
                ENV LEGACY some value with spaces
                LABEL a=${UNSET:-fallback} b=${APP:+set} c=${UNSET:+x} d='$APP' e=\\$APP f="q $APP"
                USER ${RUNTIME_USER-nobody}:${RUNTIME_GROUP:-nogroup}
                EXPOSE ${PORT:-8080}/tcp
                """);
        Stage s = d.stages().getFirst();
        assertThat(s.baseImage()).isEqualTo("docker.io/library/debian:12");
        assertThat(s.name()).isEqualTo("build");
        assertThat(s.from().unresolved()).isFalse();
        List<Instruction> b = s.instructions();
        assertThat(b.getFirst().expanded()).containsExactly("BASE");
        assertThat(b.get(1).expanded()).containsExactly("APP=/opt/app", "HOME_DIR=debian home");
        assertThat(b.get(2).expanded()).containsExactly("/opt/app/bin");
        assertThat(b.get(3).expanded()).containsExactly("LEGACY=some value with spaces");
        assertThat(b.get(4).expanded()).containsExactly("a=fallback", "b=set", "c=", "d=$APP", "e=$APP",
                "f=q /opt/app");
        assertThat(b.get(5).expanded()).containsExactly("nobody:nogroup");
        assertThat(b.get(6).expanded()).containsExactly("8080/tcp");
    }

    @Test
    void unresolvedVariablesAreFlagged() {
        Dockerfile d = parse("""
                ARG BASE_IMAGE
                FROM $BASE_IMAGE
                USER $APP_USER
                """);
        assertThat(d.stages().getFirst().from().unresolved()).isTrue();
        assertThat(d.stages().getFirst().instructions().getFirst().unresolved()).isTrue();
    }

    @Test
    void multiStageBuildsAndEnvInheritance() {
        Dockerfile d = parse("""
                FROM golang:1.22 AS Build
                ENV CGO_ENABLED=0
                RUN go build -o /out/app .
                FROM build AS test
                RUN echo $CGO_ENABLED
                FROM gcr.io/distroless/static:nonroot
                COPY --from=build /out/app /app
                FROM test
                WORKDIR /x$CGO_ENABLED
                """);
        assertThat(d.stages()).extracting(Stage::name).containsExactly("build", "test", null, null);
        assertThat(d.stages()).extracting(Stage::parent).containsExactly(-1, 0, -1, 1);
        assertThat(d.stages().get(3).instructions().getFirst().expanded()).containsExactly("/x0");
        assertThat(d.finalChain()).extracting(Stage::index).containsExactly(3, 1, 0);
        assertThat(d.stages().get(2).instructions().getFirst().flag("from")).isEqualTo("build");
    }

    @Test
    void flags() {
        Instruction run = body("""
                FROM --platform=$BUILDPLATFORM debian:12
                RUN --mount=type=cache,target=/var/cache/apt --network=none apt-get install -y x
                """).getFirst();
        assertThat(run.flags()).containsExactly("--mount=type=cache,target=/var/cache/apt", "--network=none");
        assertThat(run.arguments()).isEqualTo("apt-get install -y x");
        assertThat(run.flag("network")).isEqualTo("none");
    }

    @Test
    void crlfAndByteOrderMark() {
        Dockerfile d = parse("\uFEFFFROM debian:12\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n");
        List<Instruction> b = d.stages().getFirst().instructions();
        assertThat(b.getFirst().arguments()).isEqualTo("echo a   b");
        assertThat(b.get(1).line()).isEqualTo(4);
        assertThat(b.get(1).expanded()).containsExactly("app");
    }

    @Test
    void lowerCaseKeywordsAreInstructions() {
        assertThat(body("from debian:12\nrun echo hi\n").getFirst().keyword()).isEqualTo("RUN");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> parse("FROM debian\nRUNN echo\n"))
                .isInstanceOf(DockerfileException.class).hasMessage("Dockerfile:2: unknown instruction: RUNN");
        assertThatThrownBy(() -> parse("FROM debian\nRUN <<EOF\necho hi\n"))
                .hasMessage("Dockerfile:2: unterminated here-document <<EOF (no line 'EOF')");
        assertThatThrownBy(() -> parse("# comment\nRUN echo\nFROM debian\n"))
                .hasMessage("Dockerfile:2: RUN before the first FROM (only ARG may come before it)");
        assertThatThrownBy(() -> parse("ARG X=1\n# nothing else\n"))
                .hasMessage("Dockerfile: no FROM instruction: not a Dockerfile with a build stage");
        assertThatThrownBy(() -> parse(""))
                .hasMessage("Dockerfile: no FROM instruction: not a Dockerfile with a build stage");
        assertThatThrownBy(() -> parse("# escape=x\nFROM debian\n"))
                .hasMessage("Dockerfile: invalid escape directive 'x': must be ` or \\");
        assertThatThrownBy(() -> parse("FROM debian base\n"))
                .hasMessage("Dockerfile:1: FROM takes an image and optionally AS name, not 'debian base'");
        assertThatThrownBy(() -> parse("FROM debian\nENV novalue\n")).hasMessageStartingWith("Dockerfile:2:");
        assertThatThrownBy(() -> parse("FROM debian\nONBUILD FROM x\n")).hasMessageStartingWith("Dockerfile:2:");
    }

    @Test
    void filesThatAreNotTextAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path binary = dir.resolve("Dockerfile");
        Files.write(binary, new byte[]{'F', 'R', 'O', 'M', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> DockerfileParser.parse(binary, "Dockerfile")).hasMessage("Dockerfile: not UTF-8 text");
        Path good = dir.resolve("ok");
        Files.writeString(good, "FROM debian:12\n", StandardCharsets.UTF_8);
        assertThat(DockerfileParser.parse(good, "ok").stages()).hasSize(1);
    }
}
