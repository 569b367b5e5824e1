package io.kensa.analyze.misconfig.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kensa.analyze.AnalyzerRegistry;
import io.kensa.analyze.cache.LayerCache;
import io.kensa.analyze.misconfig.MisconfigAnalyzers;
import io.kensa.analyze.scan.ImageScanner;
import io.kensa.analyze.scan.ScanProgress;
import io.kensa.core.JavaIndex;
import io.kensa.core.ScanReport;
import io.kensa.core.misconfig.MisconfigFinding;
import io.kensa.image.layer.LayerLimits;
import io.kensa.image.source.ImageSource;
import io.kensa.image.source.LocalImages;
import io.kensa.image.testing.Bytes;
import io.kensa.image.testing.DockerArchive;
import io.kensa.image.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The file checks end to end: real layer tars (modes in the tar headers, whiteouts, a later layer rewriting a
 * file), the layer pass with the misconfiguration analyzers, the merged view, the detector.
 */
class ImageFileChecksTest {
    /** Alpine 3.9.2's account files (the CVE-2019-5021 image: root's password field is empty), plus a second UID 0. */
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/ash
            bin:x:1:1:bin:/bin:/sbin/nologin
            daemon:x:2:2:daemon:/sbin:/sbin/nologin
            toor:x:0:0:second root:/root:/bin/ash
            nobody:x:65534:65534:nobody:/:/sbin/nologin
            """;
    static final String SHADOW = """
            root:::0:::::
            bin:!::0:::::
            daemon:!::0:::::
            app:$6$rounds=5000$abcdefgh$HJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij:19000:0:99999:7:::
            """;
    static final String GROUP = """
            root:x:0:root
            bin:x:1:root,bin,daemon
            wheel:x:10:root
            admins:x:10:app
            """;

    @TempDir
    Path dir;

    private ScanReport scan(DockerArchive archive, String user) throws Exception {
        Path file = dir.resolve("image.tar");
        DockerArchive.writeTar(file, withConfig(archive.files(), user));
        try (ImageSource source = LocalImages.open(file.toString(), null, LayerLimits.DEFAULT)) {
            return new ImageScanner(new AnalyzerRegistry(MisconfigAnalyzers.all()), LayerCache.NONE, dir,
                    LayerLimits.DEFAULT, 2, ScanProgress.NONE, JavaIndex.NONE,
                    List.of(new ImageMisconfigDetector(List.of(), true))).scan(source);
        }
    }

    /** The archive's files with {@code config.User} set and a Healthcheck, the config renamed after its digest. */
    static Map<String, byte[]> withConfig(Map<String, byte[]> files, String user) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> out = new LinkedHashMap<>();
        String oldName = files.keySet().iterator().next();
        ObjectNode config = (ObjectNode) json.readTree(files.get(oldName));
        ObjectNode body = config.putObject("config");
        body.put("User", user);
        body.putObject("Healthcheck").putArray("Test").add("CMD").add("true");
        byte[] bytes = json.writeValueAsBytes(config);
        String name = Bytes.sha256(bytes).hex() + ".json";
        out.put(name, bytes);
        files.forEach((k, v) -> {
            if (!k.equals(oldName) && !k.equals("manifest.json")) {
                out.put(k, v);
            }
        });
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8).replace(oldName, name);
        out.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static List<MisconfigFinding> of(ScanReport r, String id) {
        return r.misconfigurations().stream().filter(f -> f.id().equals(id)).toList();
    }

    @Test
    void filesOfTheMergedView() throws Exception {
        byte[] l0 = TarBuilder.layer()
                .file("etc/passwd", PASSWD).file("etc/shadow", SHADOW.getBytes(StandardCharsets.UTF_8), 0640)
                .file("etc/group", GROUP)
                .file("bin/su", "su".getBytes(StandardCharsets.UTF_8), 04755)
                .file("usr/bin/passwd", "passwd".getBytes(StandardCharsets.UTF_8), 04755)
                .file("usr/bin/wall", "wall".getBytes(StandardCharsets.UTF_8), 02755)
                .file("usr/bin/crontab", "crontab".getBytes(StandardCharsets.UTF_8), 02755)
                .file("root/.ssh/id_rsa", "not a key".getBytes(StandardCharsets.UTF_8), 0600)
                .file("app/node_modules/aws-sdk/test/credentials", "[default]")
                .file("srv/app/.git/HEAD", "ref: refs/heads/main\n")
                .file("srv/app/.git/config", "[core]\n")
                .file("srv/app/.git/objects/ab/cdef", "x")
                .file("srv/app/Dockerfile", "FROM scratch\n")
                .build();
        byte[] l1 = TarBuilder.layer()
                .file("bin/su", "su".getBytes(StandardCharsets.UTF_8), 0755) // RUN chmod u-s /bin/su
                .whiteout("usr/bin/crontab")
                .file("usr/local/bin/tool", "tool".getBytes(StandardCharsets.UTF_8), 06755)
                .build();
        DockerArchive archive = new DockerArchive().layer(l0).layer(l1);
        String layer0 = Bytes.sha256(l0).toString();
        String layer1 = Bytes.sha256(l1).toString();

        ScanReport r = scan(archive, "toor");

        assertThat(of(r, "CIS-DI-0008")).extracting(MisconfigFinding::path, MisconfigFinding::layer,
                f -> f.evidence().getFirst()).containsExactly(
                tuple("/usr/bin/passwd", layer0, "/usr/bin/passwd mode 4755 (setuid)"),
                tuple("/usr/bin/wall", layer0, "/usr/bin/wall mode 2755 (setgid)"),
                tuple("/usr/local/bin/tool", layer1, "/usr/local/bin/tool mode 6755 (setuid and setgid)"));
        assertThat(of(r, "DKL-LI-0001")).extracting(MisconfigFinding::path, f -> f.evidence().getFirst())
                .containsExactly(tuple("/etc/shadow", "user 'root' has an empty password field in /etc/shadow"));
        assertThat(of(r, "DKL-LI-0002")).extracting(f -> f.evidence().getFirst()).containsExactly(
                "GID 10 is shared by wheel, admins in /etc/group",
                "UID 0 is shared by root, toor in /etc/passwd");
        assertThat(of(r, "CIS-DI-0010")).extracting(MisconfigFinding::path).containsExactly("/root/.ssh/id_rsa");
        assertThat(of(r, "DKL-LI-0003")).extracting(MisconfigFinding::path, f -> f.evidence().getFirst())
                .containsExactly(
                        tuple("/srv/app/.git", "unnecessary directory: /srv/app/.git (2 files)"),
                        tuple("/srv/app/Dockerfile", "unnecessary file: /srv/app/Dockerfile"));
        // User toor is UID 0 in /etc/passwd: root in all but name
        assertThat(of(r, "CIS-DI-0001")).singleElement().satisfies(f ->
                assertThat(f.evidence().getFirst()).isEqualTo("config User is toor, which /etc/passwd gives UID 0"));
        assertThat(r.misconfigurations().toString()).doesNotContain("$6$").doesNotContain("HJKLMNOP");
    }

    @Test
    void nonRootUserAndCleanFiles() throws Exception {
        byte[] l0 = TarBuilder.layer().file("etc/passwd", PASSWD)
                .file("usr/bin/passwd", "passwd".getBytes(StandardCharsets.UTF_8), 0755).build();
        ScanReport r = scan(new DockerArchive().layer(l0), "nobody");
        assertThat(r.misconfigurations()).extracting(MisconfigFinding::id).containsExactly("DKL-LI-0002");
    }
}
