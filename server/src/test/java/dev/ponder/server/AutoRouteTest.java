package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Choice;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.SpendCalibration;
import dev.ponder.core.route.Tier;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.server.config.RouterConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code auto} model over a length-and-keyword router trained here: short questions go cheap, long ones strong. */
class AutoRouteTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHORT = "what is two plus three";
    static final String LONG = "Consider the following long and detailed problem statement, read every part of it carefully. ".repeat(12)
            + "What is six times seven?";
    @TempDir Path dir;

    /** 20 short questions both tiers solve, 20 long ones only the strong tier solves; strong costs a hundred times more. */
    static Router router() {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new OutcomeTable.Row("s" + i, "what is " + i + " plus " + (i + 1), new double[] {1, 1}, new double[] {0.0001, 0.01}));
            rows.add(new OutcomeTable.Row("l" + i, ("A long question with many clauses and conditions, number " + i + ". ").repeat(10 + i % 5),
                    new double[] {0, 1}, new double[] {0.0002, 0.02}));
        }
        OutcomeTable table = new OutcomeTable(List.of(Tier.parse("cheap"), Tier.parse("strong")), rows);
        return Router.of(Predictor.lengthKeyword().train(table), SpendCalibration.of(List.of()));
    }

    static ProxyServer start(FakeOpenAiServer cheap, FakeOpenAiServer strong, Path dir, Knob knob, Map<String, String> tiers) {
        return ProxyServer.start(CascadeTest.config(cheap.baseUrl(), strong.baseUrl(), dir).toBuilder()
                .router(new RouterConfig(dir.resolve("router.json"), knob, tiers)).build(), f -> router(), InstantSource.system(), new SplittableRandom(5));
    }

    @Test
    void auto_routes_short_questions_to_the_cheap_tier_and_long_ones_to_the_strong_target() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = start(cheap, strong, dir, new Knob.Lambda(30), Map.of("strong", "vote@3:strong"))) {
            var root = Fixtures.root(proxy);
            JsonNode models = JSON.readTree(Http.get(root, "v1/models").body()).path("data");
            assertThat(models.get(0).path("id").asText()).isEqualTo("auto");

            var s = Http.post(root, "v1/chat/completions", Fixtures.chat("auto", SHORT, ""));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
            JsonNode sp = JSON.readTree(s.body()).path("ponder");
            assertThat(sp.path("route").path("tier").asText()).isEqualTo("single:cheap");
            assertThat(sp.path("route").path("target").asText()).isEqualTo("cheap");
            assertThat(sp.path("strategy").asText()).isEqualTo("single");
            assertThat(sp.path("route").path("predicted_success").asDouble()).isGreaterThan(0.5);
            assertThat(sp.path("route").path("why").asText()).startsWith("single:cheap: the highest predicted success - 30.00 x cost").contains("single:strong");
            assertThat(sp.path("route").path("tiers")).hasSize(2);
            assertThat(cheap.requestCount()).isEqualTo(1);
            assertThat(strong.requestCount()).isZero();
            // relayed on a virtual thread (auto computes embeddings): the trace is kept before the answer goes out
            var st = Http.get(root, "v1/ponder/traces/" + sp.path("trace_id").asText());
            assertThat(st.status()).as(st.body()).isEqualTo(200);
            assertThat(JSON.readTree(st.body()).path("runs").get(0).path("calls").get(0).path("purpose").asText()).isEqualTo("relay");

            var l = Http.post(root, "v1/chat/completions", Fixtures.chat("auto", LONG, ""));
            assertThat(l.status()).as(l.body()).isEqualTo(200);
            JsonNode lp = JSON.readTree(l.body()).path("ponder");
            assertThat(lp.path("route").path("tier").asText()).as(lp.path("route").path("why").asText()).isEqualTo("single:strong");
            assertThat(lp.path("route").path("target").asText()).isEqualTo("vote@3:strong");
            assertThat(lp.path("strategy").asText()).isEqualTo("vote@3");
            assertThat(lp.path("route").path("predicted_cost").asDouble()).isGreaterThan(sp.path("route").path("predicted_cost").asDouble());
            assertThat(JSON.readTree(l.body()).path("model").asText()).isEqualTo("auto");
            JsonNode trace = JSON.readTree(Http.get(root, "v1/ponder/traces/" + lp.path("trace_id").asText()).body());
            assertThat(trace.path("route").path("target").asText()).isEqualTo("vote@3:strong");
            assertThat(cheap.requestCount()).isEqualTo(1);
            assertThat(strong.requestCount()).isPositive();

            var blank = Http.post(root, "v1/chat/completions", Fixtures.chat("auto", "   ", ""));
            assertThat(blank.status()).as(blank.body()).isEqualTo(400);
            assertThat(JSON.readTree(blank.body()).path("error").path("message").asText()).contains("routes on the last user message");
        }
    }

    @Test
    void a_high_lambda_keeps_even_long_questions_cheap() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = start(cheap, strong, dir, new Knob.Lambda(1e6), Map.of())) {
            var l = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("auto", LONG, ""));
            assertThat(JSON.readTree(l.body()).path("ponder").path("route").path("tier").asText()).isEqualTo("single:cheap");
            assertThat(strong.requestCount()).isZero();
        }
    }

    /** Like MiniLM, which refuses blank text: starting must not ask it about one. */
    @Test
    void a_router_that_refuses_blank_text_still_starts() throws Exception {
        Router strict = new Router() {
            final Router inner = router();

            @Override
            public Predictor predictor() { return inner.predictor(); }

            @Override
            public Choice choose(String query, Knob knob) {
                if (query.isBlank()) throw new IllegalArgumentException("text cannot be null or blank");
                return inner.choose(query, knob);
            }
        };
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = ProxyServer.start(CascadeTest.config(cheap.baseUrl(), strong.baseUrl(), dir).toBuilder()
                     .router(new RouterConfig(dir.resolve("router.json"), new Knob.Lambda(30), Map.of())).build(), f -> strict,
                     InstantSource.system(), new SplittableRandom(5))) {
            assertThat(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("auto", SHORT, "")).status()).isEqualTo(200);
        }
    }

    @Test
    void without_a_router_auto_is_a_400_saying_how_to_configure_one() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = ProxyServer.start(CascadeTest.config(cheap.baseUrl(), strong.baseUrl(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("auto", SHORT, ""));
            assertThat(r.status()).isEqualTo(400);
            JsonNode e = JSON.readTree(r.body()).path("error");
            assertThat(e.path("param").asText()).isEqualTo("model");
            assertThat(e.path("message").asText()).contains("ponder route train").contains("router: {model:");
            assertThat(JSON.readTree(Http.get(Fixtures.root(proxy), "v1/models").body()).path("data").get(0).path("id").asText()).isNotEqualTo("auto");
        }
    }

    @Test
    void bad_router_settings_fail_at_start_naming_the_field() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start()) {
            assertThatThrownBy(() -> start(cheap, strong, dir, new Knob.Lambda(1), Map.of("strong", "vote@3:o3-mini")).close())
                    .isInstanceOf(PonderException.class).hasMessageContaining("router.tiers.single:strong").hasMessageContaining("o3-mini");
            assertThatThrownBy(() -> start(cheap, strong, dir, new Knob.Lambda(1), Map.of("medium", "cheap")).close())
                    .hasMessageContaining("router.tiers.medium: the router has no such tier");
            assertThatThrownBy(() -> start(cheap, strong, dir, new Knob.TargetCost(0.001), Map.of()).close())
                    .hasMessageContaining("router.knob").hasMessageContaining("lambda");
            assertThat(cheap.requestCount() + strong.requestCount()).isZero();
        }
    }
}
