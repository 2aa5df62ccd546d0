package dev.ponder.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL ledger against a real server that scripts/postgres-scratch starts (Debian's postgresql) and stops.
 * Two ledgers stand for two proxies sharing one database.
 */
class PostgresLedgerTest {
    static Path script;
    static String dir;
    static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        script = findScript();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(script.toString(), "start", Integer.toString(port)).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        Assumptions.assumeTrue(code != 3, "skipping the PostgreSQL ledger test: " + err);
        assertThat(code).as("postgres-scratch start failed: %s", err).isZero();
        dir = out.substring(0, out.indexOf(' '));
        url = out.substring(out.indexOf(' ') + 1);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (dir != null) new ProcessBuilder(script.toString(), "stop", dir).inheritIO().start().waitFor();
    }

    static Path findScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/postgres-scratch");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("scripts/postgres-scratch not found above " + Path.of("").toAbsolutePath());
    }

    static Entry entry(String key, double dollars) {
        return new Entry(Instant.parse("2026-11-23T12:00:00Z"), key, "req", "m", "single", 10, 10, dollars, 200);
    }

    @Test
    void two_proxies_sharing_the_database_never_overspend_together() throws Exception {
        double limit = 0.5;
        try (Ledger a = Ledger.postgres(url); Ledger b = Ledger.postgres(url)) {
            List<Future<Boolean>> fs = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    Ledger l = i % 2 == 0 ? a : b;
                    fs.add(pool.submit(() -> {
                        Optional<Ledger.Hold> h = l.hold("shared", "2026-11-23", 0.01, 0.01, limit);
                        h.ifPresent(x -> l.settle(x, entry("shared", 0.007)));
                        return h.isPresent();
                    }));
                }
            }
            int admitted = 0;
            for (var f : fs) if (f.get()) admitted++;
            Ledger.Spend s = a.spend("shared", "2026-11-23");
            assertThat(s.held()).isCloseTo(0, Offset.offset(1e-9));
            assertThat(s.spent()).isLessThanOrEqualTo(limit + 1e-9).isCloseTo(admitted * 0.007, Offset.offset(1e-9));
            assertThat(admitted).isBetween(50, 200);
            assertThat(b.spend("shared", "2026-11-23")).isEqualTo(s);
        }
    }

    @Test
    void a_hold_gives_what_is_left_when_that_covers_the_minimum() {
        try (Ledger l = Ledger.postgres(url)) {
            l.record("2026-11", entry("k2", 0.95));
            Optional<Ledger.Hold> h = l.hold("k2", "2026-11", 0.2, 0.01, 1.0);
            assertThat(h).isPresent();
            assertThat(h.get().amount()).isCloseTo(0.05, Offset.offset(1e-9));
            assertThat(l.hold("k2", "2026-11", 0.2, 0.01, 1.0)).isEmpty();
            l.settle(h.get(), entry("k2", 0.03));
            assertThat(l.spend("k2", "2026-11").spent()).isCloseTo(0.98, Offset.offset(1e-9));
        }
    }

}
