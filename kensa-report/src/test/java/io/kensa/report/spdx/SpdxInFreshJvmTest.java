package io.kensa.report.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kensa.report.sbom.SbomFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPDX reporter as the CLI runs it: first thing in a new JVM, where nothing else has initialised the SPDX
 * model (in this test JVM other tests have, which once hid a reporter that could not create its document).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpdxInFreshJvmTest {

    /** Writes the Debian image fixture with application packages as SPDX to stdout. */
    public static void main(String[] args) throws IOException {
        new SpdxReporter().write(SbomFixtures.applicationImage(), System.out);
        System.out.flush();
    }

    @Test
    void theFirstDocumentOfANewJvmIsWritten() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SpdxInFreshJvmTest.class.getName())).redirectErrorStream(false).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the exit status tells
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        drain.join();

        assertThat(p.exitValue()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.path("packages")).hasSize(2 + 2 + SbomFixtures.APP_PACKAGES.size());
    }
}
