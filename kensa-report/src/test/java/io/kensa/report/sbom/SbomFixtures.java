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

    // Application packages as the language analyzers and the inventory report them: the java-app corpus image's
    // archives (real paths and sha1s), an npm development dependency, and Python metadata owned by a deb or not.
    public static final String WAR = "app/webapps/legacy-webapp-2.3.1.war";
    public static final String BOOT_JAR = "app/boot-demo-1.0.0.jar";
    public static final Package LEGACY_WEBAPP = app("maven", "com.example.kensa:legacy-webapp", "2.3.1", List.of(),
            "pkg:maven/com.example.kensa/legacy-webapp@2.3.1", WAR, "a16f4a58ca275be47610c41121f9818e5533b4f8",
            "pom.properties");
    public static final Package FILEUPLOAD = app("maven", "commons-fileupload:commons-fileupload", "1.3.1",
            List.of("Apache-2.0"), "pkg:maven/commons-fileupload/commons-fileupload@1.3.1",
            WAR + "!/WEB-INF/lib/commons-fileupload-1.3.1.jar", "c621b54583719ac0310404463d6d99db27e1052c",
            "pom.properties");
    public static final Package LOG4J1 = app("maven", "log4j:log4j", "1.2.17", List.of("Apache-2.0"),
            "pkg:maven/log4j/log4j@1.2.17", WAR + "!/WEB-INF/lib/log4j-1.2.17.jar",
            "5af35056b4d257e4b64b9e8069c0746e8b08629f", "pom.properties");
    /** Two archives deep; the middle one (a zip) is no package, so it nests under the war. */
    public static final Package COMMONS_IO_IN_ZIP = app("maven", "commons-io:commons-io", "2.2", List.of("Apache-2.0"),
            "pkg:maven/commons-io/commons-io@2.2", WAR + "!/WEB-INF/lib/plugins.zip!/commons-io-2.2.jar",
            "83b5b8a7ba1c08f9e8c8ff2373724e33d3c1e22a", "pom.properties");
    public static final Package BOOT_DEMO = app("maven", "com.example.kensa:boot-demo", "1.0.0", List.of(),
            "pkg:maven/com.example.kensa/boot-demo@1.0.0", BOOT_JAR, "e17f28467cfad1453040b1713e3ad2173ac461b6",
            "pom.properties");
    public static final Package GSON = app("maven", "com.google.code.gson:gson", "2.8.5", List.of("Apache-2.0"),
            "pkg:maven/com.google.code.gson/gson@2.8.5", BOOT_JAR + "!/BOOT-INF/lib/gson-2.8.5.jar",
            "f645ed69d595b24d4cf8b3fbb64cc505bede8829", "pom.properties");
    public static final Package LAYERTOOLS = app("maven", "org.springframework.boot:spring-boot-jarmode-layertools",
            "2.7.18", List.of(), "pkg:maven/org.springframework.boot/spring-boot-jarmode-layertools@2.7.18",
            BOOT_JAR + "!/BOOT-INF/lib/spring-boot-jarmode-layertools-2.7.18.jar",
            "a4dc17d77bb35753dd1d4d57846b0891aec1ae38", "sha1-index");
    /** A shaded jar: its own package (with the jar's sha1) and the library it bundles, at the same path. */
    public static final Package HTML_CLEANER = app("maven", "com.example.kensa:html-cleaner", "0.9.0", List.of(),
            "pkg:maven/com.example.kensa/html-cleaner@0.9.0", "app/lib/html-cleaner-0.9.0.jar",
            "c0c972ce03df0f2936801e88f21eab775f4820be", "pom.properties");
    public static final Package JSOUP = app("maven", "org.jsoup:jsoup", "1.14.1", List.of("MIT"),
            "pkg:maven/org.jsoup/jsoup@1.14.1", "app/lib/html-cleaner-0.9.0.jar", null, "pom.properties");
    /** Inside a zip that no package represents: stays at the top with its full path. */
    public static final Package CODEC_IN_BUNDLE = app("maven", "commons-codec:commons-codec", "1.11",
            List.of("Apache-2.0"), "pkg:maven/commons-codec/commons-codec@1.11",
            "app/dist/bundle.zip!/lib/commons-codec-1.11.jar", "3acb4705652e16236558f0f4f2192cc33c3bd189",
            "pom.properties");
    public static final Package BABEL_DEV = app("npm", "@babel/core", "7.24.0", List.of("MIT"),
            "pkg:npm/%40babel/core@7.24.0", "app/package-lock.json", null, "package-lock.json").withDev(true);
    public static final Package PYYAML_OWNED = app("pypi", "PyYAML", "6.0", List.of("MIT"), "pkg:pypi/pyyaml@6.0",
            "usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", null, "METADATA")
            .withOwnedBy("python3-yaml");
    public static final Package SIX = app("pypi", "six", "1.16.0", List.of("MIT"), "pkg:pypi/six@1.16.0",
            "app/.venv/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO", null, "PKG-INFO");

    /** The application packages in the inventory's order (type, name, version, path). */
    public static final List<Package> APP_PACKAGES = List.of(LEGACY_WEBAPP, BOOT_DEMO, HTML_CLEANER, CODEC_IN_BUNDLE,
            FILEUPLOAD, GSON, COMMONS_IO_IN_ZIP, LOG4J1, JSOUP, LAYERTOOLS, BABEL_DEV, PYYAML_OWNED, SIX);
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

    /** The Debian image with two deb packages and every application package of {@link #APP_PACKAGES}. */
    public static ScanReport applicationImage() {
        List<Package> packages = new java.util.ArrayList<>(List.of(BSDUTILS, LIBC6));
        packages.addAll(APP_PACKAGES);
        return debianImage(packages);
    }

    /** A root filesystem without a detected operating system. */
    public static ScanReport rootfs(List<Package> packages) {
        Artifact artifact = new Artifact("/tmp/rootfs", "rootfs", null, List.of(), null, null);
        return new ScanReport(CREATED_AT, artifact, List.of(), packages, List.of("no OS detected"));
    }

    private static Package app(String type, String name, String version, List<String> licenses, String purl,
                               String path, String sha1, String foundBy) {
        return Package.application(type, name, version, licenses, path, foundBy).withSha1(sha1).withPurl(purl)
                .withLayer(APP_LAYER);
    }

    private static Package pkg(String type, String name, String version, String arch, SourcePackage source,
                               List<String> licenses, String vendor, String purl, String layer, List<String> paths) {
        return new Package(type, name, version, arch, source, licenses, vendor, null, purl, layer, paths);
    }
}
