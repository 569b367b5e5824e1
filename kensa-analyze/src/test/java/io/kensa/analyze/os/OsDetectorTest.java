package io.kensa.analyze.os;

import io.kensa.analyze.FileResult;
import io.kensa.analyze.testing.MemoryFileEntry;
import io.kensa.core.OsInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OsDetectorTest {
    private static final OsReleaseAnalyzer ANALYZER = new OsReleaseAnalyzer();

    /** Runs the os-release analyzer on each file, then the detector on the results. */
    static OsInfo detect(Map<String, String> files) throws IOException {
        Map<String, List<FileResult>> results = new HashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(ANALYZER.wants(f.getKey())).as("analyzer wants %s", f.getKey()).isTrue();
            FileResult r = ANALYZER.analyze(MemoryFileEntry.of(f.getKey(), f.getValue()));
            if (r != null) {
                results.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(r);
            }
        }
        return new OsDetector().detect(p -> results.getOrDefault(p, List.of()));
    }

    static Stream<Arguments> osReleaseSamples() {
        return Stream.of(
                arguments("debian", Map.of("etc/os-release", """
                        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                        NAME="Debian GNU/Linux"
                        VERSION_ID="12"
                        VERSION="12 (bookworm)"
                        VERSION_CODENAME=bookworm
                        ID=debian
                        """, "etc/debian_version", "12.15\n"), "debian", "12.15", "Debian GNU/Linux 12 (bookworm)"),
                arguments("debian sid", Map.of("etc/os-release", "ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n",
                        "etc/debian_version", "trixie/sid\n"), "debian", "", "Debian GNU/Linux trixie/sid"),
                arguments("ubuntu", Map.of("etc/os-release", """
                        NAME="Ubuntu"
                        VERSION="18.04.6 LTS (Bionic Beaver)"
                        ID=ubuntu
                        ID_LIKE=debian
                        PRETTY_NAME="Ubuntu 18.04.6 LTS"
                        VERSION_ID="18.04"
                        """, "etc/debian_version", "buster/sid\n"), "ubuntu", "18.04", "Ubuntu 18.04.6 LTS"),
                arguments("alpine", Map.of("etc/os-release", """
                        NAME="Alpine Linux"
                        ID=alpine
                        VERSION_ID=3.11.5
                        PRETTY_NAME="Alpine Linux v3.11"
                        """, "etc/alpine-release", "3.11.5\n"), "alpine", "3.11.5", "Alpine Linux v3.11"),
                arguments("alpine edge", Map.of("etc/os-release", "ID=alpine\nVERSION_ID=3.21.0_alpha20240807\n",
                        "etc/alpine-release", "3.21.0_alpha20240807\n"), "alpine", "3.21.0_alpha20240807", null),
                arguments("rhel", Map.of("etc/os-release", """
                        NAME="Red Hat Enterprise Linux"
                        VERSION="8.8 (Ootpa)"
                        ID="rhel"
                        ID_LIKE="fedora"
                        VERSION_ID="8.8"
                        PRETTY_NAME="Red Hat Enterprise Linux 8.8 (Ootpa)"
                        """, "etc/redhat-release", "Red Hat Enterprise Linux release 8.8 (Ootpa)\n"),
                        "redhat", "8.8", "Red Hat Enterprise Linux 8.8 (Ootpa)"),
                arguments("centos", Map.of("etc/os-release", "NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\n"
                        + "PRETTY_NAME=\"CentOS Linux 7 (Core)\"\n"), "centos", "7", "CentOS Linux 7 (Core)"),
                arguments("rocky", Map.of("etc/os-release", "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n"
                        + "VERSION_ID=\"9.3\"\nPRETTY_NAME=\"Rocky Linux 9.3 (Blue Onyx)\"\n"), "rocky", "9.3", "Rocky Linux 9.3 (Blue Onyx)"),
                arguments("alma", Map.of("etc/os-release", "NAME=\"AlmaLinux\"\nID=\"almalinux\"\nVERSION_ID=\"9.4\"\n"
                        + "PRETTY_NAME=\"AlmaLinux 9.4 (Seafoam Ocelot)\"\n"), "alma", "9.4", "AlmaLinux 9.4 (Seafoam Ocelot)"),
                arguments("oracle", Map.of("etc/os-release", "NAME=\"Oracle Linux Server\"\nID=\"ol\"\nVERSION_ID=\"8.9\"\n"
                        + "PRETTY_NAME=\"Oracle Linux Server 8.9\"\n"), "oracle", "8.9", "Oracle Linux Server 8.9"),
                arguments("amazon 2", Map.of("etc/os-release", "NAME=\"Amazon Linux\"\nVERSION=\"2\"\nID=\"amzn\"\n"
                        + "ID_LIKE=\"centos rhel fedora\"\nVERSION_ID=\"2\"\nPRETTY_NAME=\"Amazon Linux 2\"\n",
                        "etc/system-release", "Amazon Linux release 2 (Karoo)\n"), "amazon", "2", "Amazon Linux 2"),
                arguments("amazon 2023", Map.of("etc/os-release", "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\n"
                        + "ID_LIKE=\"fedora\"\nVERSION_ID=\"2023\"\nPRETTY_NAME=\"Amazon Linux 2023.5.20240722\"\n"),
                        "amazon", "2023", "Amazon Linux 2023.5.20240722"),
                arguments("fedora", Map.of("etc/os-release", "NAME=\"Fedora Linux\"\nVERSION=\"40 (Container Image)\"\n"
                        + "ID=fedora\nVERSION_ID=40\nPRETTY_NAME=\"Fedora Linux 40 (Container Image)\"\n"),
                        "fedora", "40", "Fedora Linux 40 (Container Image)"),
                arguments("sles", Map.of("usr/lib/os-release", "NAME=\"SLES\"\nVERSION=\"15-SP3\"\nVERSION_ID=\"15.3\"\n"
                        + "PRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP3\"\nID=\"sles\"\nID_LIKE=\"suse\"\n"),
                        "sles", "15.3", "SUSE Linux Enterprise Server 15 SP3"),
                arguments("opensuse leap", Map.of("etc/os-release", "NAME=\"openSUSE Leap\"\nVERSION=\"15.5\"\n"
                        + "ID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\nVERSION_ID=\"15.5\"\nPRETTY_NAME=\"openSUSE Leap 15.5\"\n"),
                        "opensuse.leap", "15.5", "openSUSE Leap 15.5"),
                arguments("mariner", Map.of("etc/os-release", "NAME=\"Common Base Linux Mariner\"\nVERSION=\"2.0.20240123\"\n"
                        + "ID=mariner\nVERSION_ID=\"2.0\"\nPRETTY_NAME=\"CBL-Mariner/Linux\"\n"), "cbl-mariner", "2.0", "CBL-Mariner/Linux"),
                arguments("azurelinux", Map.of("etc/os-release", "NAME=\"Microsoft Azure Linux\"\nVERSION=\"3.0.20240727\"\n"
                        + "ID=azurelinux\nVERSION_ID=\"3.0\"\nPRETTY_NAME=\"Microsoft Azure Linux 3.0\"\n"),
                        "azurelinux", "3.0", "Microsoft Azure Linux 3.0"),
                arguments("photon", Map.of("etc/os-release", "NAME=\"VMware Photon OS\"\nVERSION=\"5.0\"\nID=photon\n"
                        + "VERSION_ID=5.0\nPRETTY_NAME=\"VMware Photon OS/Linux\"\n"), "photon", "5.0", "VMware Photon OS/Linux"),
                arguments("wolfi", Map.of("etc/os-release", "ID=wolfi\nNAME=\"Wolfi\"\nPRETTY_NAME=\"Wolfi\"\n"
                        + "VERSION_ID=\"20230201\"\nHOME_URL=\"https://wolfi.dev\"\n"), "wolfi", "20230201", "Wolfi"),
                arguments("chainguard", Map.of("etc/os-release", "ID=chainguard\nNAME=\"Chainguard\"\n"
                        + "PRETTY_NAME=\"Chainguard\"\nVERSION_ID=\"20230214\"\n"), "chainguard", "20230214", "Chainguard"),
                arguments("quoting and comments", Map.of("etc/os-release", "# comment=yes\n  ID = 'Debian' \nBAD KEY=1\n"
                        + "VERSION_ID=\"12\"\nPRETTY_NAME=\"say \\\"hi\\\" \\$HOME\"\n=nokey\n"), "debian", "12", "say \"hi\" $HOME")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("osReleaseSamples")
    void fromOsRelease(String label, Map<String, String> files, String family, String version, String name)
            throws IOException {
        OsInfo os = detect(files);
        assertThat(os).isNotNull();
        assertThat(os.family()).isEqualTo(family);
        assertThat(os.version()).isEqualTo(version);
        if (name != null) {
            assertThat(os.name()).isEqualTo(name);
        }
    }

    static Stream<Arguments> releaseFileSamples() {
        return Stream.of(
                arguments(Map.of("etc/alpine-release", "3.9.4\n"), "alpine", "3.9.4"),
                arguments(Map.of("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=14.04\n"
                        + "DISTRIB_DESCRIPTION=\"Ubuntu 14.04.6 LTS\"\n"), "ubuntu", "14.04"),
                arguments(Map.of("etc/debian_version", "9.13\n"), "debian", "9.13"),
                arguments(Map.of("etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n",
                        "etc/redhat-release", "CentOS Linux release 7.9.2009 (Core)\n"), "centos", "7.9.2009"),
                arguments(Map.of("etc/centos-release", "CentOS release 6.10 (Final)\n"), "centos", "6.10"),
                arguments(Map.of("etc/rocky-release", "Rocky Linux release 8.9 (Green Obsidian)\n"), "rocky", "8.9"),
                arguments(Map.of("etc/almalinux-release", "AlmaLinux release 9.4 (Seafoam Ocelot)\n"), "alma", "9.4"),
                arguments(Map.of("etc/oracle-release", "Oracle Linux Server release 7.9\n"), "oracle", "7.9"),
                arguments(Map.of("etc/fedora-release", "Fedora release 35 (Thirty Five)\n"), "fedora", "35"),
                arguments(Map.of("etc/redhat-release", "Red Hat Enterprise Linux Server release 7.9 (Maipo)\n"), "redhat", "7.9"),
                arguments(Map.of("etc/system-release", "Amazon Linux release 2 (Karoo)\n"), "amazon", "2"),
                arguments(Map.of("etc/system-release", "Amazon Linux release 2023.3.20240108 (Amazon Linux)\n"), "amazon", "2023.3.20240108"),
                arguments(Map.of("etc/system-release", "Amazon Linux AMI release 2018.03\n"), "amazon", "2018.03"),
                arguments(Map.of("etc/photon-release", "VMware Photon OS 4.0\nPHOTON_BUILD_NUMBER=1526e30\n"), "photon", "4.0"),
                arguments(Map.of("etc/mariner-release", "CBL-Mariner 2.0.20240123\nMARINER_BUILD_NUMBER=rpm\n"), "cbl-mariner", "2.0.20240123"),
                arguments(Map.of("etc/azurelinux-release", "Microsoft Azure Linux 3.0.20240727\n"), "azurelinux", "3.0.20240727"),
                arguments(Map.of("etc/SuSE-release", "SUSE Linux Enterprise Server 12 (x86_64)\nVERSION = 12\nPATCHLEVEL = 3\n"), "sles", "12.3"),
                arguments(Map.of("etc/SuSE-release", "openSUSE 42.3 (x86_64)\nVERSION = 42.3\nCODENAME = Malachite\n"), "opensuse.leap", "42.3")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releaseFileSamples")
    void fromReleaseFilesOnly(Map<String, String> files, String family, String version) throws IOException {
        OsInfo os = detect(files);
        assertThat(os).isNotNull();
        assertThat(os.family()).isEqualTo(family);
        assertThat(os.version()).isEqualTo(version);
    }

    @Test
    void etcOsReleaseWinsOverUsrLibAndUsrLibIsTheFallback() throws IOException {
        assertThat(detect(Map.of("etc/os-release", "ID=alpine\nVERSION_ID=3.19.0\n",
                "usr/lib/os-release", "ID=debian\nVERSION_ID=12\n")).family()).isEqualTo("alpine");
        assertThat(detect(Map.of("usr/lib/os-release", "ID=debian\nVERSION_ID=12\n")).family()).isEqualTo("debian");
        // an os-release without ID falls back to the release files
        assertThat(detect(Map.of("etc/os-release", "NAME=whatever\n", "etc/alpine-release", "3.9.4\n")).family())
                .isEqualTo("alpine");
    }

    @Test
    void nothingKnownGivesNoOs() throws IOException {
        assertThat(detect(Map.of())).isNull();
        assertThat(detect(Map.of("etc/lsb-release", "DISTRIB_ID=LinuxMint\n"))).isNull();
        assertThat(detect(Map.of("etc/debian_version", "bookworm/sid\n"))).isNull();
    }

    @Test
    void unknownIdIsKeptAsTheFamily() throws IOException {
        OsInfo os = detect(Map.of("etc/os-release", "ID=NixOS\nVERSION_ID=\"24.05\"\n"));
        assertThat(os.family()).isEqualTo("nixos");
        assertThat(os.version()).isEqualTo("24.05");
    }

    @Test
    void analyzerWantsOnlyReleaseFilesAndCapsTheirSize() {
        assertThat(ANALYZER.wants("etc/os-release")).isTrue();
        assertThat(ANALYZER.wants("usr/lib/os-release")).isTrue();
        assertThat(ANALYZER.wants("etc/passwd")).isFalse();
        assertThat(ANALYZER.wants("usr/etc/os-release")).isFalse();
        assertThat(ANALYZER.wants("etc/os-release.d/x")).isFalse();
        MemoryFileEntry huge = new MemoryFileEntry("etc/os-release", new byte[70 * 1024]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ANALYZER.analyze(huge)).isInstanceOf(IOException.class);
    }
}
