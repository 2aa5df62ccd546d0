package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** curl against the proxy: the streaming script in test resources (skips when curl is not installed). */
class CurlStreamTest {
    @Test
    void curl_streams_progress_answer_usage_and_done() throws Exception {
        boolean curl = new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0;
        Assumptions.assumeTrue(curl, "curl is not installed: skipping the curl streaming script test");
        Path script = Path.of("src/test/resources/curl-stream.sh").toAbsolutePath();
        assertThat(Files.isRegularFile(script)).isTrue();
        try (ProxyServer s = ProxyServer.start(ProxyConfig.banksOnly(List.of(SharedData.shippedBank("math-qwen25-rm8")), 0))) {
            Process p = new ProcessBuilder("bash", script.toString(), s.baseUrl().toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            assertThat(out).startsWith("ok: 8 progress comments");
        }
    }
}
