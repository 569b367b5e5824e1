package io.kensa.analyze.pkg.rpm;

import io.kensa.core.SourcePackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting SOURCERPM file names into name, version and release, and EVR formatting. */
class SourceRpmTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "util-linux-2.32.1-42.el8_8.src.rpm | util-linux | 2.32.1 | 42.el8_8",
            "bash-5.1.8-1.cm2.src.rpm | bash | 5.1.8 | 1.cm2",
            "java-1.8.0-openjdk-1.8.0.392.b08-4.el8.src.rpm | java-1.8.0-openjdk | 1.8.0.392.b08 | 4.el8",
            "ca-certificates-mozilla-prebuilt-2.44-21.1.src.rpm | ca-certificates-mozilla-prebuilt | 2.44 | 21.1",
            "nodejs-18.18.2-2.module+el8.9.0+20326+387084e1.src.rpm | nodejs | 18.18.2 | 2.module+el8.9.0+20326+387084e1",
            "libstdc++-11.2.0-1.cm2.src.rpm | libstdc++ | 11.2.0 | 1.cm2",
            "sudo-1.9.5p2-3.cm2.src.rpm | sudo | 1.9.5p2 | 3.cm2",
            "texlive-base-20180414-29.el8.nosrc.rpm | texlive-base | 20180414 | 29.el8",
            "a-1-2.src.rpm | a | 1 | 2"})
    void splitsAtTheLastTwoDashes(String fileName, String name, String version, String release) {
        assertThat(SourceRpm.parse(fileName)).contains(new SourceRpm(name, version, release));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"(none)", "bash.src.rpm", "bash-5.1.src.rpm", "-5.1-1.src.rpm", "bash-5.1-.src.rpm",
            "bash--1.src.rpm", "bash-5.1-1.src", "bash-5.1-1", "bash-5.1-1rpm", ".rpm"})
    void rejectsNamesWithoutNameVersionRelease(String fileName) {
        assertThat(SourceRpm.parse(fileName)).isEmpty();
    }

    @Test
    void sourcePackageVersionIsVersionDashRelease() {
        assertThat(SourceRpm.parse("util-linux-2.32.1-42.el8_8.src.rpm").orElseThrow().toSourcePackage())
                .isEqualTo(new SourcePackage("util-linux", "2.32.1-42.el8_8"));
    }

    @ParameterizedTest
    @CsvSource({"0, 1.0, 1, 1.0-1", "1, 2.0.0, 1.cm2, 1:2.0.0-1.cm2", "4294967295, 3, 4, 4294967295:3-4",
            "12, 0.9.1, 0.rc1.fc39, 12:0.9.1-0.rc1.fc39"})
    void evrPrintsTheEpochOnlyWhenNonZero(long epoch, String version, String release, String expected) {
        assertThat(new Evr(epoch, version, release)).hasToString(expected);
    }
}
