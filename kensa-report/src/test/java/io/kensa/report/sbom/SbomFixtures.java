package io.kensa.report.sbom;

import io.kensa.core.Artifact;
import io.kensa.core.LayerSummary;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.ScanReport;
import io.kensa.core.SourcePackage;

import java.time.Instant;
import java.util.List;

/** Scan reports shaped like real ones, for the SBOM reporter tests. */
public final class SbomFixtures {
    public static final Instant CREATED_AT = Instant.parse("2026-11-02T10:15:30.123456Z");
    public static final String IMAGE_ID = "sha256:" + "1d2f".repeat(16);
    public static final String REPO_DIGEST = "docker.io/library/debian@sha256:" + "b877".repeat(16);
    public static final String BASE_LAYER = "sha256:" + "a1b2".repeat(16);
    public static final String APP_LAYER = "sha256:" + "c3d4".repeat(16);
    public static final String DPKG_STATUS = "var/lib/dpkg/status";

    public static final Package BSDUTILS = pkg("deb", "bsdutils", "1:2.38.1-5+deb12u3", "amd64",
            new SourcePackage("util-linux", "2.38.1-5+deb12u3"), List.of("GPL-2.0-or-later", "GPLv2+"), null,
            "pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u3?arch=amd64&distro=debian-12.8&epoch=1", BASE_LAYER,
            List.of(DPKG_STATUS));
    public static final Package LIBBSD0 = pkg("deb", "libbsd0", "0.11.7-2", "amd64",
            new SourcePackage("libbsd", "0.11.7-2"), List.of("MIT AND BSD-3-Clause"), null,
            "pkg:deb/debian/libbsd0@0.11.7-2?arch=amd64&distro=debian-12.8", BASE_LAYER, List.of(DPKG_STATUS));
    public static final Package LIBC6 = pkg("deb", "libc6", "2.36-9+deb12u9", "amd64",
            new SourcePackage("glibc", "2.36-9+deb12u9"), List.of("LGPL-2.1-or-later", "GPL-2.0-or-later"), null,
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12.8", BASE_LAYER, List.of(DPKG_STATUS));
    public static final Package TZDATA = pkg("deb", "tzdata", "2024a-0+deb12u1", "all",
            null, List.of(), null,
            "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12.8", BASE_LAYER, List.of(DPKG_STATUS));
    public static final Package OPENSSL_LIBS = new Package("rpm", "openssl-libs", "1:3.0.7-27.el9", "x86_64",
            new SourcePackage("openssl", "3.0.7-27.el9"), List.of("Apache-2.0"), "Red Hat, Inc.", "openssl:3.0",
            "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1", APP_LAYER,
            List.of("usr/lib/sysimage/rpm/rpmdb.sqlite"));
    public static final Package MUSL = pkg("apk", "musl", "1.2.4-r2", "x86_64",
            new SourcePackage("musl", "1.2.4-r2"), List.of("MIT"), null,
            "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64", APP_LAYER, List.of("lib/apk/db/installed"));
    public static final Package LODASH_APP = pkg("npm", "lodash", "4.17.21", null, null, List.of("MIT"), null,
            "pkg:npm/lodash@4.17.21", APP_LAYER, List.of("app/node_modules/lodash/package.json"));
    public static final Package LODASH_NPM = pkg("npm", "lodash", "4.17.21", null, null, List.of("MIT"), null,
            "pkg:npm/lodash@4.17.21", APP_LAYER, List.of("usr/lib/node_modules/npm/node_modules/lodash/package.json"));

    public static final List<Package> OS_PACKAGES = List.of(BSDUTILS, LIBBSD0, LIBC6, TZDATA, MUSL, OPENSSL_LIBS);
    public static final List<Package> ALL_PACKAGES = List.of(MUSL, BSDUTILS, LIBBSD0, LIBC6, TZDATA, LODASH_APP,
            LODASH_NPM, OPENSSL_LIBS);

    private SbomFixtures() {
    }

    /** A Debian 12 image from a registry, with deb packages, one rpm and one apk package, and two npm packages. */
    public static ScanReport debianImage() {
        return debianImage(ALL_PACKAGES);
    }

    public static ScanReport debianImage(List<Package> packages) {
        Artifact artifact = new Artifact("debian:12", "image", IMAGE_ID, List.of(REPO_DIGEST),
                new OsInfo("debian", "12.8", "Debian GNU/Linux 12 (bookworm)"), "amd64");
        List<LayerSummary> layers = List.of(
                new LayerSummary(BASE_LAYER, "sha256:" + "0f0e".repeat(16), 29_125_000L,
                        "/bin/sh -c #(nop) ADD file:6b2a in / ", false),
                new LayerSummary(APP_LAYER, "sha256:" + "0d0c".repeat(16), 1_024_000L, "COPY app /app", true));
        return new ScanReport(CREATED_AT, artifact, layers, packages, List.of());
    }

    /** A root filesystem without a detected operating system. */
    public static ScanReport rootfs(List<Package> packages) {
        Artifact artifact = new Artifact("/tmp/rootfs", "rootfs", null, List.of(), null, null);
        return new ScanReport(CREATED_AT, artifact, List.of(), packages, List.of("no OS detected"));
    }

    private static Package pkg(String type, String name, String version, String arch, SourcePackage source,
                               List<String> licenses, String vendor, String purl, String layer, List<String> paths) {
        return new Package(type, name, version, arch, source, licenses, vendor, null, purl, layer, paths);
    }
}
