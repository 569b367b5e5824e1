package io.kensa.analyze.purl;

import com.github.packageurl.PackageURL;
import io.kensa.core.OsInfo;
import io.kensa.core.Package;
import io.kensa.core.SourcePackage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PurlFactoryTest {
    private final PurlFactory purls = new PurlFactory();

    private static Package pkg(String type, String name, String version, String arch) {
        return Package.of(type, name, version, arch, new SourcePackage(name, version), List.of(), "x");
    }

    @Test
    void debWithEpochMovesTheEpochToAQualifier() throws Exception {
        String purl = purls.purl(pkg("deb", "perl-base", "1:5.36.0-7+deb12u2", "amd64"), new OsInfo("debian", "12.15", null));
        PackageURL p = new PackageURL(purl);
        assertThat(p.getType()).isEqualTo("deb");
        assertThat(p.getNamespace()).isEqualTo("debian");
        assertThat(p.getName()).isEqualTo("perl-base");
        assertThat(p.getVersion()).isEqualTo("5.36.0-7+deb12u2");
        assertThat(p.getQualifiers()).isEqualTo(Map.of("arch", "amd64", "epoch", "1", "distro", "debian-12.15"));
        // qualifiers sorted, as the purl spec's canonical form wants
        assertThat(purl).startsWith("pkg:deb/debian/perl-base@5.36.0-7").endsWith("?arch=amd64&distro=debian-12.15&epoch=1");
    }

    @Test
    void debWithoutEpochOrWithEpochZero() throws Exception {
        OsInfo ubuntu = new OsInfo("ubuntu", "18.04", null);
        assertThat(purls.purl(pkg("deb", "bash", "4.4.18-2ubuntu1", "amd64"), ubuntu))
                .isEqualTo("pkg:deb/ubuntu/bash@4.4.18-2ubuntu1?arch=amd64&distro=ubuntu-18.04");
        assertThat(new PackageURL(purls.purl(pkg("deb", "x", "0:1.0", "all"), ubuntu)).getQualifiers())
                .doesNotContainKey("epoch");
    }

    @Test
    void rpmUsesTheFamilyAndKeepsVersionRelease() throws Exception {
        PackageURL p = new PackageURL(purls.purl(pkg("rpm", "libuuid", "2.32.1-42.el8_8", "x86_64"),
                new OsInfo("redhat", "8.8", null)));
        assertThat(p.getNamespace()).isEqualTo("redhat");
        assertThat(p.getVersion()).isEqualTo("2.32.1-42.el8_8");
        assertThat(p.getQualifiers()).isEqualTo(Map.of("arch", "x86_64", "distro", "redhat-8.8"));
        PackageURL e = new PackageURL(purls.purl(pkg("rpm", "openssl-libs", "1:1.1.1k-9.el8_7", "x86_64"),
                new OsInfo("redhat", "8.8", null)));
        assertThat(e.getVersion()).isEqualTo("1.1.1k-9.el8_7");
        assertThat(e.getQualifiers()).containsEntry("epoch", "1");
        assertThat(new PackageURL(purls.purl(pkg("rpm", "a", "1-1", "noarch"), null)).getNamespace()).isNull();
    }

    @Test
    void apkUsesTheBareVersionAsDistro() throws Exception {
        assertThat(purls.purl(pkg("apk", "musl", "1.1.24-r2", "x86_64"), new OsInfo("alpine", "3.11.5", null)))
                .isEqualTo("pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5");
        assertThat(purls.purl(pkg("apk", "glibc", "2.39-r5", "x86_64"), new OsInfo("wolfi", "20230201", null)))
                .isEqualTo("pkg:apk/wolfi/glibc@2.39-r5?arch=x86_64&distro=20230201");
    }

    @Test
    void unknownOsVersionOrOsGivesNoDistro() throws Exception {
        assertThat(new PackageURL(purls.purl(pkg("deb", "a", "1", "amd64"), new OsInfo("debian", "", null)))
                .getQualifiers()).doesNotContainKey("distro");
        assertThat(purls.purl(pkg("deb", "a", "1", null), null)).isEqualTo("pkg:deb/debian/a@1");
        assertThat(purls.purl(pkg("apk", "a", "1", ""), null)).isEqualTo("pkg:apk/alpine/a@1");
    }

    @Test
    void versionCharactersRoundTrip() throws Exception {
        String v = "2:1.2.3+dfsg~rc1-0.1+b2";
        PackageURL p = new PackageURL(purls.purl(pkg("deb", "lib++", v, "amd64"), new OsInfo("debian", "12", null)));
        assertThat(p.getName()).isEqualTo("lib++");
        assertThat(p.getVersion()).isEqualTo("1.2.3+dfsg~rc1-0.1+b2");
        assertThat(p.getQualifiers()).containsEntry("epoch", "2");
    }

    @Test
    void applicationPackagesSplitTheirNamespaceOffTheName() {
        OsInfo debian = new OsInfo("debian", "12", null);
        assertThat(purls.purl(pkg("maven", "org.apache.logging.log4j:log4j-core", "2.14.1", null), debian))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(purls.purl(pkg("npm", "lodash", "4.17.15", null), null)).isEqualTo("pkg:npm/lodash@4.17.15");
        assertThat(purls.purl(pkg("npm", "@babel/core", "7.0.0", null), null)).isEqualTo("pkg:npm/%40babel/core@7.0.0");
        assertThat(purls.purl(pkg("composer", "symfony/http-kernel", "5.4.1", null), null))
                .isEqualTo("pkg:composer/symfony/http-kernel@5.4.1");
        assertThat(purls.purl(pkg("golang", "github.com/junegunn/fzf", "v0.38.0", null), null))
                .isEqualTo("pkg:golang/github.com/junegunn/fzf@v0.38.0");
        assertThat(purls.purl(pkg("golang", "stdlib", "1.19.8", null), null)).isEqualTo("pkg:golang/stdlib@1.19.8");
        assertThat(purls.purl(pkg("pypi", "PyYAML", "6.0", null), null)).isEqualTo("pkg:pypi/pyyaml@6.0");
        assertThat(purls.purl(pkg("gem", "rack", "2.2.22", null), null)).isEqualTo("pkg:gem/rack@2.2.22");
    }

    @Test
    void genericPackagesSplitTheirVendorOffTheName() {
        // a Java runtime from its release file, as Syft writes it
        assertThat(purls.purl(pkg("generic", "oracle/openjdk", "17.0.15", null), null))
                .isEqualTo("pkg:generic/oracle/openjdk@17.0.15");
        assertThat(purls.purl(pkg("generic", "zulu", "17.0.2", null), null)).isEqualTo("pkg:generic/zulu@17.0.2");
        // a Maven artifact whose group id nothing gave has no purl: Maven purls need the group
        assertThat(purls.purl(pkg("maven", "spring-web", "5.3.17", null), null)).isNull();
    }
}
