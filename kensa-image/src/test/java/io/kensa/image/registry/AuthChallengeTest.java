package io.kensa.image.registry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthChallengeTest {

    @Test
    void parsesBearerChallengeOfDockerHub() {
        List<AuthChallenge> c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/debian:pull\"");
        assertThat(c).hasSize(1);
        assertThat(c.getFirst().isBearer()).isTrue();
        assertThat(c.getFirst().param("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.getFirst().param("service")).isEqualTo("registry.docker.io");
        assertThat(c.getFirst().param("SCOPE")).isEqualTo("repository:library/debian:pull");
    }

    @Test
    void keepsCommasAndEscapesInsideQuotedValues() {
        List<AuthChallenge> c = AuthChallenge.parse("bearer realm=\"https://a/token?x=1,2\", scope=\"repository:a/b:pull,push\","
                + " error=\"insufficient_scope\", note=\"say \\\"hi\\\"\"");
        assertThat(c).hasSize(1);
        assertThat(c.getFirst().param("realm")).isEqualTo("https://a/token?x=1,2");
        assertThat(c.getFirst().param("scope")).isEqualTo("repository:a/b:pull,push");
        assertThat(c.getFirst().param("error")).isEqualTo("insufficient_scope");
        assertThat(c.getFirst().param("note")).isEqualTo("say \"hi\"");
    }

    @Test
    void splitsSeveralChallengesInOneHeader() {
        List<AuthChallenge> c = AuthChallenge.parse("Basic realm=\"reg\", Bearer realm=\"https://t/x\" , service=svc,Negotiate abc==, Digest");
        assertThat(c).extracting(AuthChallenge::scheme).containsExactly("basic", "bearer", "negotiate", "digest");
        assertThat(c.get(0).param("realm")).isEqualTo("reg");
        assertThat(c.get(1).param("realm")).isEqualTo("https://t/x");
        assertThat(c.get(1).param("service")).isEqualTo("svc");
        assertThat(c.get(2).token68()).isEqualTo("abc==");
        assertThat(c.get(3).params()).isEmpty();
    }

    @Test
    void survivesGarbageAndUnterminatedQuotes() {
        assertThat(AuthChallenge.parse("")).isEmpty();
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse(" , ,")).isEmpty();
        List<AuthChallenge> c = AuthChallenge.parse("Bearer realm=\"https://t/x");
        assertThat(c.getFirst().param("realm")).isEqualTo("https://t/x");
        assertThat(AuthChallenge.parseAll(List.of("Basic realm=a", "Bearer realm=b"))).hasSize(2);
    }
}
