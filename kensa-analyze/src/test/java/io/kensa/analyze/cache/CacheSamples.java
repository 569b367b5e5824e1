package io.kensa.analyze.cache;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.engine.LayerResult;
import io.kensa.analyze.engine.LinkRecord;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A deterministic, fairly large layer result, shared by the in-process and out-of-process cache writers. */
final class CacheSamples {
    static final String DIFF_ID = "sha256:" + "ab".repeat(32);

    private CacheSamples() {
    }

    static LayerResult result() {
        List<Package> packages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            packages.add(Package.of("deb", "pkg" + i, "1:" + i + ".0-1", "amd64", new SourcePackage("src" + i, i + ".0"),
                    List.of("GPL-2"), "var/lib/dpkg/status"));
        }
        // a file list longer than one chunk of the codec, and paths with spaces, non-ASCII and nothing at all
        List<String> manyFiles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            manyFiles.add("usr/lib/x86_64-linux-gnu/big/file-" + i + ".so");
        }
        Map<String, List<String>> owned = new java.util.LinkedHashMap<>();
        owned.put("big", manyFiles);
        owned.put("ünïcode", List.of("usr/share/doc/ü/ä b.txt", "", "opt/日本/x"));
        owned.put("none", List.of());
        Package jar = Package.application("maven", "org.example:lib", "1.0", List.of("Apache-2.0"),
                        "app/x.war!/WEB-INF/lib/lib-1.0.jar", "pom.properties")
                .withSha1("c621b54583719ac0310404463d6d99db27e1052c").withDev(true).withOwnedBy("libexample-java");
        return new LayerResult(DIFF_ID,
                List.of(new FileResult("dpkg", "var/lib/dpkg/status", packages, Map.of(), List.of("package x has no Version")),
                        FileResult.ofProperties("os-release", "usr/lib/os-release", Map.of("ID", "debian", "VERSION_ID", "12")),
                        FileResult.ofOwnedFiles("dpkg-files", "var/lib/dpkg/info/big.list", owned),
                        FileResult.ofPackages("java", "app/x.war", List.of(jar))),
                List.of("opt/removed"), List.of("var/cache"),
                List.of(new LinkRecord("etc/os-release", "usr/lib/os-release", false)), List.of("lib"), 1234,
                List.of("a warning"));
    }
}
