package io.kensa.analyze.lang.npm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeModulesPathsTest {

    @Test
    void npmTreeHasFifteenInstalledManifestsAndThirteenFixtures() {
        List<String> manifests = NpmFixtures.files("installed-npm").stream()
                .filter(f -> f.endsWith("package.json")).toList();
        assertThat(manifests).hasSize(29);
        assertThat(manifests.stream().filter(NodeModulesPaths::isInstalledManifest)).containsExactlyInAnyOrder(
                "app/node_modules/@sindresorhus/is/package.json", "app/node_modules/@types/ms/package.json",
                "app/node_modules/debug/package.json", "app/node_modules/debug/node_modules/ms/package.json",
                "app/node_modules/function-bind/package.json", "app/node_modules/has-flag/package.json",
                "app/node_modules/hasown/package.json", "app/node_modules/is-core-module/package.json",
                "app/node_modules/is-number/package.json", "app/node_modules/ms/package.json",
                "app/node_modules/my-ms/package.json", "app/node_modules/path-parse/package.json",
                "app/node_modules/resolve/package.json", "app/node_modules/supports-color/package.json",
                "app/node_modules/supports-preserve-symlinks-flag/package.json");
        // resolve ships package.json files of test fixtures: none is an installed package
        assertThat(manifests.stream().filter(f -> f.contains("/resolve/test/")))
                .hasSize(13).noneMatch(NodeModulesPaths::isInstalledManifest);
        assertThat(NodeModulesPaths.isInstalledManifest("app/package.json")).isFalse();
    }

    @Test
    void pnpmStoreManifestsAreInstalledPackages() {
        List<String> installed = NpmFixtures.files("installed-pnpm").stream()
                .filter(f -> f.endsWith("package.json"))
                .filter(NodeModulesPaths::isInstalledManifest).toList();
        assertThat(installed).hasSize(15).contains(
                "app/node_modules/.pnpm/@sindresorhus+is@4.6.0/node_modules/@sindresorhus/is/package.json",
                "app/node_modules/.pnpm/debug@2.6.9_supports-color@7.2.0/node_modules/debug/package.json");
    }

    @Test
    void otherShapes() {
        assertThat(NodeModulesPaths.isInstalledManifest("node_modules/x/package.json")).isTrue();
        assertThat(NodeModulesPaths.isInstalledManifest("usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json")).isTrue();
        assertThat(NodeModulesPaths.isInstalledManifest("a/node_modules/x/node_modules/@s/y/node_modules/z/package.json")).isTrue();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/.store/x@1.0.0-abc/node_modules/x/package.json")).isTrue();

        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/@scope/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/x/lib/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/.bin/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/.pnpm/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/.pnpm/x@1/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/x/test/node_modules/y/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/node_modules/x/package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules//package.json")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/node_modules/x/package.json.bak")).isFalse();
        assertThat(NodeModulesPaths.isInstalledManifest("app/my_node_modules/x/package.json")).isFalse();
    }
}
