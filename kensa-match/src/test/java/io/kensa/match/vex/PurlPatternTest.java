package io.kensa.match.vex;

import com.github.packageurl.PackageURL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PurlPatternTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:deb/debian/openssl                              | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | true
            pkg:deb/debian/openssl@3.0.11-1~deb12u2             | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | true
            pkg:deb/debian/openssl@3.0.11-1~deb12u1             | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | false
            pkg:deb/debian/openssl?arch=amd64                   | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | true
            pkg:deb/debian/openssl?arch=arm64                   | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | false
            pkg:deb/debian/openssl?distro=debian-11             | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | false
            pkg:deb/ubuntu/openssl                              | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | false
            pkg:deb/debian/libssl3                              | pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12 | false
            pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&epoch=1 | pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&epoch=1                | true
            pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&epoch=1 | pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src                        | false
            pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src         | pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&epoch=0                | true
            pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src         | pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=src&epoch=1                | false
            pkg:rpm/redhat/compat-openssl10?arch=src             | pkg:rpm/redhat/compat-openssl10@1.0.2o-4.el8_6?arch=src&epoch=1     | true
            pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar | pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0 | true
            pkg:golang/github.com/docker/cli@v23.0.1%2Bincompatible | pkg:golang/github.com/docker/cli@v23.0.1+incompatible             | true
            pkg:golang/github.com/docker/cli@v23.0.1+incompatible   | pkg:golang/github.com/docker/cli@v23.0.1%2Bincompatible         | true
            pkg:golang/golang.org/x/crypto@0.0.0-20220214200702-86341886e292 | pkg:golang/golang.org/x/crypto@v0.0.0-20220214200702-86341886e292 | false
            pkg:pypi/PyYAML                                     | pkg:pypi/pyyaml@6.0.1                                                 | true
            pkg:oci/trivy?repository_url=ghcr.io/aquasecurity/trivy | pkg:oci/trivy@sha256%3A1d6f?arch=amd64&repository_url=ghcr.io%2Faquasecurity%2Ftrivy | true
            pkg:oci/trivy?repository_url=index.docker.io%2Faquasec%2Ftrivy | pkg:oci/trivy@sha256%3A1d6f?arch=amd64&repository_url=ghcr.io%2Faquasecurity%2Ftrivy | false
            """)
    void matches(String pattern, String target, boolean expected) throws Exception {
        assertThat(PurlPattern.parse(pattern).matches(new PackageURL(target))).isEqualTo(expected);
    }
}
