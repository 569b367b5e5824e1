package io.kensa.analyze.lang.golang;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module information text of the built app binary ({@code go version -m} prints the same lines). */
class ModInfoTest {
    static final String APP = """
            path\texample.com/app
            mod\texample.com/app\t(devel)\t
            dep\texample.com/greet\tv1.2.0\th1:KZ/CsUJf62yoj5p0uReFJM45L310h+WjWgQbxw0SmzI=
            dep\texample.com/localdep\tv0.0.0
            =>\t./local\t(devel)\t
            dep\texample.com/old\tv1.0.0
            =>\texample.com/new\tv1.1.0\th1:rPBiF4VnMqzfb9DsIP0gNRUMruh18pyS4d8kYAvFDIc=
            build\t-compiler=gc
            build\tCGO_ENABLED=0
            build\tGOARCH=amd64
            """;

    @Test
    void parsesModulesAndReplacements() throws BuildInfoException {
        ModInfo m = ModInfo.parse(APP);
        assertThat(m.path()).isEqualTo("example.com/app");
        assertThat(m.main()).isEqualTo(new GoModule("example.com/app", "(devel)", "", null));
        assertThat(m.deps()).containsExactly(
                new GoModule("example.com/greet", "v1.2.0", "h1:KZ/CsUJf62yoj5p0uReFJM45L310h+WjWgQbxw0SmzI=", null),
                new GoModule("example.com/localdep", "v0.0.0", "", new GoModule("./local", "(devel)", "", null)),
                new GoModule("example.com/old", "v1.0.0", "",
                        new GoModule("example.com/new", "v1.1.0", "h1:rPBiF4VnMqzfb9DsIP0gNRUMruh18pyS4d8kYAvFDIc=",
                                null)));
        assertThat(GoPackages.of("go1.19.8", m, "app")).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("stdlib@1.19.8", "example.com/greet@v1.2.0", "example.com/new@v1.1.0");
    }

    @Test
    void aGopathBuildHasNoModules() throws BuildInfoException {
        ModInfo m = ModInfo.parse("");
        assertThat(m.main()).isNull();
        assertThat(m.deps()).isEmpty();
    }

    @Test
    void malformedLinesAreErrorsAsInGo() {
        assertThatThrownBy(() -> ModInfo.parse("=>\texample.com/new\tv1.1.0\t\n"))
                .hasMessage("line 1: replacement with no module before it");
        assertThatThrownBy(() -> ModInfo.parse(APP.replace("dep\texample.com/greet\tv1.2.0\t", "dep\tx\ty\tz\t")))
                .hasMessage("line 3: expected 2 or 3 columns for a module, got 4");
        assertThatThrownBy(() -> ModInfo.parse(APP.replace("=>\t./local\t(devel)\t", "=>\t./local")))
                .hasMessage("line 5: expected 3 columns for a replacement, got 1");
    }

    @Test
    void aLastLineWithoutNewlineIsNotRead() throws BuildInfoException {
        assertThat(ModInfo.parse("dep\texample.com/greet\tv1.2.0").deps()).isEmpty();
    }
}
