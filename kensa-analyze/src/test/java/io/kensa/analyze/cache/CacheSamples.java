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
        return new LayerResult(DIFF_ID,
                List.of(new FileResult("dpkg", "var/lib/dpkg/status", packages, Map.of(), List.of("package x has no Version")),
                        FileResult.ofProperties("os-release", "usr/lib/os-release", Map.of("ID", "debian", "VERSION_ID", "12"))),
                List.of("opt/removed"), List.of("var/cache"),
                List.of(new LinkRecord("etc/os-release", "usr/lib/os-release", false)), List.of("lib"), 1234,
                List.of("a warning"));
    }
}
