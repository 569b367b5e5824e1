package io.kensa.analyze.pkg;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnedFilesTest {

    @Test
    void pathsAreJoinedAndGroupedByOwnerInOrder() {
        OwnedFiles files = new OwnedFiles();
        files.add("musl", "lib/", "libc.so");
        files.add("busybox", "", "bin");
        files.add("musl", "usr/lib/", "libc.a");

        assertThat(files.byOwner()).containsExactly(
                Map.entry("musl", List.of("lib/libc.so", "usr/lib/libc.a")),
                Map.entry("busybox", List.of("bin")));
        assertThat(files.warning()).isNull();
    }

    @Test
    void theTotalLengthIsCappedAndWhatWasDroppedIsCounted() {
        OwnedFiles files = new OwnedFiles(20);
        files.add("a", "usr/bin/", "one");     // 11
        files.add("a", "usr/bin/", "two");     // 22 > 20: dropped
        files.add("a", "", "x".repeat(9));     // 20: kept
        files.add("a", "", "y");               // dropped
        files.add("a", "d/".repeat(2048), "z"); // longer than PATH_MAX

        assertThat(files.byOwner().get("a")).containsExactly("usr/bin/one", "xxxxxxxxx");
        assertThat(files.warning()).isEqualTo("package file lists: 1 paths longer than 4096 characters dropped; "
                + "2 paths dropped beyond the limit of 20 characters in all");
    }

    @Test
    void filesUnderDirectoriesNoLanguagePackageLivesInAreNotKept() {
        OwnedFiles files = new OwnedFiles();
        files.add("bash", "usr/share/man/man1/", "bash.1.gz");
        files.add("bash", "", "usr/share/locale/de/LC_MESSAGES/bash.mo");
        files.add("bash", "usr/include/", "bash.h");
        files.add("bash", "usr/share/doc/bash/examples/", "package.json");
        files.add("bash", "usr/share/", "man");
        files.add("bash", "", "usr/bin/bash");
        files.add("bash", "", "");

        assertThat(files.byOwner().get("bash"))
                .containsExactly("usr/share/doc/bash/examples/package.json", "usr/share/man", "usr/bin/bash");
        assertThat(files.warning()).isNull();
    }
}
