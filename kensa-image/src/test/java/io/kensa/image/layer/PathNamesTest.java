package io.kensa.image.layer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathNamesTest {

    @ParameterizedTest(name = "normalize({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "etc/os-release|etc/os-release",
            "./etc/os-release|etc/os-release",
            "/etc/os-release|etc/os-release",
            "//etc//os-release|etc/os-release",
            "etc/./os-release|etc/os-release",
            "etc/os-release/|etc/os-release",
            "./|<root>",
            "/|<root>",
            ".|<root>",
            "a/../b|b",
            "a/b/../c|a/c",
            "a/b/c/../../d|a/d",
            "a/b/..|a",
            "a/..|<root>",
            "./a/./b/./|a/b",
            ".hidden/.wh..wh..opq|.hidden/.wh..wh..opq",
            "dir/.wh.file|dir/.wh.file",
            "a..b/c|a..b/c",
            "...|...",
            "../etc/passwd|NULL",
            "/../etc/passwd|NULL",
            "./../x|NULL",
            "a/../../x|NULL",
            "a/b/../../../x|NULL",
            "..|NULL",
    })
    void normalize(String name, String expected) {
        assertThat(PathNames.normalize(name)).isEqualTo(root(expected));
    }

    /** "<root>" in the tables stands for the empty string, the image root. */
    private static String root(String expected) {
        return "<root>".equals(expected) ? "" : expected;
    }

    @Test
    void namesWithNulAreRefused() {
        assertThat(PathNames.normalize("etc/os-release\0.txt")).isNull();
    }

    @Test
    void emptyNameIsTheRoot() {
        assertThat(PathNames.normalize("")).isEmpty();
    }

    @ParameterizedTest(name = "resolveLink({0} -> {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            // relative targets start from the link's directory
            "etc/os-release|../usr/lib/os-release|usr/lib/os-release",
            "bin/sh|busybox|bin/busybox",
            "usr/lib/x/y/link|../../z|usr/lib/z",
            "toplevel|target|target",
            "a/b/c|./d|a/b/d",
            // absolute targets start from the image root, not the host's
            "etc/os-release|/usr/lib/os-release|usr/lib/os-release",
            "var/lib/rpm|/etc/passwd|etc/passwd",
            // '..' never climbs above the root, as inside a chroot
            "etc/os-release|../../../../etc/shadow|etc/shadow",
            "a|../../..|<root>",
            "etc/x|/../../proc/self/environ|proc/self/environ",
            "var/lib/rpm|../../usr/lib/sysimage/rpm|usr/lib/sysimage/rpm",
            "a/b|//c//d/|c/d",
    })
    void resolveLink(String link, String target, String expected) {
        assertThat(PathNames.resolveLink(link, target)).isEqualTo(root(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../etc/passwd", "/etc/passwd", "../../../../../../../../../../tmp"})
    void resolvedLinksNeverLeaveTheRoot(String target) {
        String resolved = PathNames.resolveLink("deep/inside/the/image/link", target);
        assertThat(resolved).doesNotStartWith("/").doesNotStartWith("..");
        assertThat(PathNames.normalize(resolved)).isEqualTo(resolved);
    }

    @Test
    void parentAndFileName() {
        assertThat(PathNames.parent("a/b/c")).isEqualTo("a/b");
        assertThat(PathNames.parent("top")).isEmpty();
        assertThat(PathNames.fileName("a/b/c")).isEqualTo("c");
        assertThat(PathNames.fileName("top")).isEqualTo("top");
    }
}
