package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileResult;
import io.kensa.analyze.misconfig.MisconfigAnalyzers;
import io.kensa.analyze.testing.MemoryFileEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MisconfigAnalyzersTest {

    @Test
    void registeredOnceEach() {
        List<Analyzer> all = MisconfigAnalyzers.all();
        assertThat(all).extracting(Analyzer::id).containsExactly("file-mode", "accounts", "suspicious-files");
        assertThat(all).filteredOn(a -> !a.id().equals("accounts")).allMatch(a -> !a.followsLinks());
    }

    @Test
    void fileModesByBitsOrByName() {
        FileModeAnalyzer a = new FileModeAnalyzer();
        assertThat(a.wants("opt/tool", 04755)).isTrue();
        assertThat(a.wants("opt/tool", 02711)).isTrue();
        assertThat(a.wants("opt/tool", 01777)).isFalse();
        assertThat(a.wants("opt/tool", 0755)).isFalse();
        assertThat(a.wants("usr/bin/passwd", 0755)).isTrue(); // recorded whatever its mode: a later chmod u-s counts
        assertThat(a.wants("usr/share/doc/passwd/copyright", 0644)).isFalse();
        assertThat(FileModeAnalyzer.octal(0104755)).isEqualTo("4755");
    }

    @Test
    void suspiciousNames() {
        assertThat(SuspiciousFileAnalyzer.kind("root/.aws/credentials")).isEqualTo("credential");
        assertThat(SuspiciousFileAnalyzer.kind("home/app/.ssh/id_ed25519")).isEqualTo("credential");
        assertThat(SuspiciousFileAnalyzer.kind("etc/openvpn/client.OVPN")).isEqualTo("credential");
        assertThat(SuspiciousFileAnalyzer.kind("root/.docker/config.json")).isEqualTo("credential");
        assertThat(SuspiciousFileAnalyzer.kind("root/.git-credentials")).isEqualTo("credential");
        assertThat(SuspiciousFileAnalyzer.kind("srv/Dockerfile")).isEqualTo("unnecessary-file");
        assertThat(SuspiciousFileAnalyzer.kind("app/.DS_Store")).isEqualTo("unnecessary-file");
        assertThat(SuspiciousFileAnalyzer.kind("root/.bash_history")).isEqualTo("unnecessary-file");
        assertThat(SuspiciousFileAnalyzer.kind("tmp/build.log")).isEqualTo("unnecessary-dir");
        assertThat(SuspiciousFileAnalyzer.kind("app/.git/config")).isEqualTo("unnecessary-dir");
        assertThat(SuspiciousFileAnalyzer.kind("root/.cache/pip/x")).isNull(); // only files directly inside
        assertThat(SuspiciousFileAnalyzer.kind("app/.git/objects/ab/cd")).isNull();
        assertThat(SuspiciousFileAnalyzer.kind("app/node_modules/aws-sdk/credentials")).isNull();
        assertThat(SuspiciousFileAnalyzer.kind("usr/lib/python3/dist-packages/app/settings.py")).isNull();
        assertThat(SuspiciousFileAnalyzer.kind("app/vendor/x/tmp/y")).isNull();
        assertThat(SuspiciousFileAnalyzer.kind("usr/bin/env")).isNull();
        assertThat(SuspiciousFileAnalyzer.kind("credentials")).isEqualTo("credential");
        FileResult r = new SuspiciousFileAnalyzer().analyze(MemoryFileEntry.of("app/id_rsa", "x"));
        assertThat(r.properties()).isEqualTo(Map.of("kind", "credential"));
    }

    @Test
    void accountFilesKeepOnlyFacts() throws Exception {
        AccountFilesAnalyzer a = new AccountFilesAnalyzer();
        assertThat(a.wants("etc/shadow")).isTrue();
        assertThat(a.wants("etc/gshadow")).isFalse();
        FileResult shadow = a.analyze(MemoryFileEntry.of("etc/shadow", ImageFileChecksTest.SHADOW
                + "svc::19000::::::\nbroken-line\n"));
        assertThat(shadow.properties()).isEqualTo(Map.of("emptyPassword", "root,svc"));
        assertThat(shadow.warnings()).containsExactly("1 malformed line skipped");
        assertThat(shadow.toString()).doesNotContain("$6$");
        FileResult passwd = a.analyze(MemoryFileEntry.of("etc/passwd", ImageFileChecksTest.PASSWD
                + "+::::::\nguest::1001:1001::/home/guest:/bin/sh\n"));
        assertThat(passwd.properties()).isEqualTo(Map.of("emptyPassword", "guest", "uid0", "root,toor",
                "duplicate.0", "root,toor"));
        FileResult group = a.analyze(MemoryFileEntry.of("etc/group", ImageFileChecksTest.GROUP));
        assertThat(group.properties()).isEqualTo(Map.of("duplicate.10", "wheel,admins"));
        FileResult big = a.analyze(new MemoryFileEntry("etc/passwd", new byte[(4 << 20) + 1]));
        assertThat(big.skipped()).isEqualTo("over size limit");
    }
}
