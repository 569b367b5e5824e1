package io.kensa.analyze.lang.golang;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Toolchain version strings as real Go binaries carry them (the last one: /usr/bin/local-extract of gcloud's SDK). */
class GoPackagesTest {
    @Test
    void stdlibVersionDropsTheGoPrefixAndEverythingAfterASpace() {
        assertThat(GoPackages.stdlibVersion("go1.19.8")).isEqualTo("1.19.8");
        assertThat(GoPackages.stdlibVersion("go1.20")).isEqualTo("1.20");
        assertThat(GoPackages.stdlibVersion("go1.21rc2")).isEqualTo("1.21rc2");
        assertThat(GoPackages.stdlibVersion("go1.23.1 X:nocoverageredesign")).isEqualTo("1.23.1");
        assertThat(GoPackages.stdlibVersion(
                "go1.25-20250209-RC00 cl/724970549 +ff27d270c9 X:fieldtrack,boringcrypto")).isEqualTo("1.25-20250209-RC00");
        assertThat(GoPackages.stdlibVersion("devel go1.22-abcdef Tue Jan 2 00:00:00 2024")).isEqualTo("devel");
    }
}
