package io.kensa.match.testing;

import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import io.kensa.core.vuln.KevEntry;
import io.kensa.core.vuln.Severity;
import io.kensa.core.vuln.VulnerabilityFinding;
import io.kensa.core.vuln.VulnerabilityStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Packages and findings as the scanner builds them, with real purls, for the filter tests. */
public final class TestFindings {
    public static final String LAYER = "sha256:ca1d0b8e4e2bbd1d8b0fe6a0b9d8a5c1b8f0c6d1f7e06a5a3c2c1b0a9f8e7d6c";

    private TestFindings() {
    }

    /** A Debian 12 package from /var/lib/dpkg/status. */
    public static Package deb(String name, String version, String source) {
        return new Package("deb", name, version, "amd64", new SourcePackage(source, version), List.of(), null, null,
                "pkg:deb/debian/" + name + "@" + version + "?arch=amd64&distro=debian-12", LAYER,
                List.of("var/lib/dpkg/status"));
    }

    /** The Debian 12.2 openssl package. */
    public static Package openssl() {
        return deb("openssl", "3.0.11-1~deb12u2", "openssl");
    }

    /** The Debian 12.2 libssl3 package, built from openssl. */
    public static Package libssl3() {
        return deb("libssl3", "3.0.11-1~deb12u2", "openssl");
    }

    /** A RHEL 9 rpm ({@code version} without epoch) built from the source rpm {@code source}. */
    public static Package rpm(String name, String epoch, String version, String arch, String source) {
        String purl = "pkg:rpm/redhat/" + name + "@" + version + "?arch=" + arch + "&distro=redhat-9.3"
                + (epoch == null ? "" : "&epoch=" + epoch);
        return new Package("rpm", name, (epoch == null ? "" : epoch + ":") + version, arch,
                new SourcePackage(source, version), List.of(), "Red Hat, Inc.", null, purl, LAYER,
                List.of("var/lib/rpm/rpmdb.sqlite"));
    }

    /** A Go module compiled into the binary at {@code path}, found by its build info. */
    public static Package goModule(String module, String version, String path) {
        int slash = module.lastIndexOf('/');
        String purl = "pkg:golang/" + module.substring(0, slash) + "/" + module.substring(slash + 1) + "@"
                + version.replace("+", "%2B");
        return Package.application("golang", module, version, List.of(), path, "go-buildinfo").withPurl(purl)
                .withLayer(LAYER);
    }

    /** A jar found at {@code path}. */
    public static Package jar(String groupId, String artifactId, String version, String path) {
        return Package.application("maven", groupId + ":" + artifactId, version, List.of(), path, "pom.properties")
                .withPurl("pkg:maven/" + groupId + "/" + artifactId + "@" + version).withLayer(LAYER);
    }

    /** An apk package of Alpine 3.20. */
    public static Package apk(String name, String version, String origin) {
        return new Package("apk", name, version, "x86_64", new SourcePackage(origin, version), List.of(), null, null,
                "pkg:apk/alpine/" + name + "@" + version + "?arch=x86_64&distro=3.20.1", LAYER,
                List.of("lib/apk/db/installed"));
    }

    public static Builder finding(String id, Package... packages) {
        return new Builder(id, Arrays.asList(packages));
    }

    /** CISA's entry for Log4Shell. */
    public static KevEntry log4shellKev() {
        return new KevEntry("CVE-2021-44228", LocalDate.parse("2021-12-10"), LocalDate.parse("2021-12-24"), "Known");
    }

    public static final class Builder {
        private final String id;
        private final List<Package> packages;
        private List<String> aliases = List.of();
        private Severity severity = Severity.MEDIUM;
        private VulnerabilityStatus status = VulnerabilityStatus.AFFECTED;
        private final List<String> fixed = new ArrayList<>();
        private Double epss;
        private KevEntry kev;

        private Builder(String id, List<Package> packages) {
            this.id = id;
            this.packages = packages;
        }

        public Builder aliases(String... a) {
            aliases = List.of(a);
            return this;
        }

        public Builder severity(Severity s) {
            severity = s;
            return this;
        }

        public Builder fixedIn(String version) {
            status = VulnerabilityStatus.FIXED;
            fixed.add(version);
            return this;
        }

        public Builder status(VulnerabilityStatus s) {
            status = s;
            return this;
        }

        public Builder epss(double score) {
            epss = score;
            return this;
        }

        public Builder kev(KevEntry entry) {
            kev = entry;
            return this;
        }

        public VulnerabilityFinding build() {
            Package p = packages.getFirst();
            String why = p.name() + " " + p.version() + (fixed.isEmpty() ? " affected, no fix"
                    : " < fixed " + fixed.getFirst());
            return new VulnerabilityFinding(id, aliases, packages, p.version(), fixed, status, severity, "test",
                    List.of(), epss, epss == null ? null : 0.5, kev, List.of(), null, null,
                    "https://avd.example/" + id, "test-feed", why);
        }
    }
}
