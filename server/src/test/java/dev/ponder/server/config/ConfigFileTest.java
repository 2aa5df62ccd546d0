package dev.ponder.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.core.route.Knob;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir Path dir;

    static Path example() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path e = p.resolve("config/ponder-serve.example.yaml");
            if (Files.exists(e)) return e;
        }
        throw new IllegalStateException("config/ponder-serve.example.yaml not found");
    }

    @Test
    void the_commented_example_loads() {
        ProxyConfig c = ConfigFile.load(example(), List::of);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.upstreams()).extracting(UpstreamConfig::name).containsExactly("openai", "local-vllm", "claude");
        assertThat(c.upstreams()).extracting(UpstreamConfig::kind).containsExactly(UpstreamConfig.Kind.OPENAI, UpstreamConfig.Kind.OPENAI,
                UpstreamConfig.Kind.ANTHROPIC);
        assertThat(c.upstreams().get(1).models()).containsEntry("gpt-4o-mini", "Qwen/Qwen2.5-7B-Instruct");
        assertThat(c.keys()).extracting(KeyConfig::id).containsExactly("team-a", "batch-jobs");
        assertThat(c.keys().getFirst().budget()).contains(new KeyConfig.DollarBudget(20.0, Period.DAY));
        assertThat(c.keys().get(1).models()).containsExactly("qwen-math");
        assertThat(c.ledger()).as("under the checkout's .ponder/, which git ignores").contains("../.ponder/ponder-ledger.jsonl");
        assertThat(c.baseDir().resolve(c.ledger().orElseThrow()).normalize()).isEqualTo(example().toAbsolutePath().getParent().getParent()
                .resolve(".ponder/ponder-ledger.jsonl"));
        assertThat(c.maxSamples()).isEqualTo(64);
        assertThat(c.requirePrices()).isFalse();
        assertThat(c.upstreams().get(1).completions()).isEqualTo(PlainCompletions.ON);
        assertThat(c.upstreams().get(1).logprobs()).isTrue();
        assertThat(c.upstreams().get(1).checker()).contains("math");
        assertThat(c.prices().find("qwen-math")).isPresent();
    }

    @Test
    void a_typo_is_an_error_naming_file_and_field() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "keys:\n  - id: a\n    sha256: " + KeyConfig.hash("x") + "\n    budjet: {dollars: 1}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).isInstanceOf(PonderException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("keys[0].budjet is not a known field");
    }

    @Test
    void a_bad_value_names_its_field() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "keys:\n  - id: a\n    sha256: " + KeyConfig.hash("x") + "\n    budget: {dollars: -1, period: week}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessageContaining("keys[0].budget.dollars must be a number >= 0");
        Files.writeString(f, "server: {port: 99999}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessageContaining("server.port must be a whole number in 0..65535");
        Files.writeString(f, "server: {transport: kqueue}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of))
                .hasMessageContaining("bad.yaml: server.transport: transport must be auto, io_uring, epoll or nio, was \"kqueue\"");
    }

    @Test
    void the_transport_is_auto_unless_the_config_names_one() throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "server: {port: 0}\n");
        assertThat(ConfigFile.load(f, List::of).transport()).isEqualTo(Transport.AUTO);
        Files.writeString(f, "server: {transport: io_uring}\n");
        assertThat(ConfigFile.load(f, List::of).transport()).isEqualTo(Transport.IO_URING);
        Files.writeString(f, "server: {transport: NIO}\n");
        assertThat(ConfigFile.load(f, List::of).transport()).isEqualTo(Transport.NIO);
    }

    @Test
    void the_router_section_reads_model_knob_and_tiers() throws Exception {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "router:\n  model: router.json\n  knob: {strong_share: 0.2}\n  tiers:\n    gpt-4: vote@4:gpt-4o\n");
        RouterConfig r = ConfigFile.load(f, List::of).router().orElseThrow();
        assertThat(r.model()).isEqualTo(dir.toAbsolutePath().resolve("router.json"));
        assertThat(r.knob()).isEqualTo(new Knob.StrongShare(0.2));
        assertThat(r.tiers()).containsExactly(Map.entry("gpt-4", "vote@4:gpt-4o"));
        Files.writeString(f, "router:\n  model: router.json\n  knob: {lambda: 1, target_cost: 0.01}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessageContaining("router.knob is required and takes exactly one of");
        Files.writeString(f, "router:\n  model: router.json\n  knob: {strong_share: 2}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessageContaining("router.knob strong share must be in [0, 1]");
        Files.writeString(f, "router:\n  knob: {lambda: 1}\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessageContaining("router.model is required");
        assertThat(ConfigFile.load(example(), List::of).router()).isEmpty();
    }

    @Test
    void the_telemetry_section_reads_endpoint_headers_service_and_ratio() throws Exception {
        Path f = dir.resolve("otel.yaml");
        Files.writeString(f, "telemetry:\n  endpoint: http://collector:4318\n  headers: {x-api-key: k1}\n  service_name: gateway\n"
                + "  sampling_ratio: 0.25\n");
        TelemetryConfig t = ConfigFile.load(f, List::of).telemetry().orElseThrow();
        assertThat(t.tracesUrl()).isEqualTo(URI.create("http://collector:4318/v1/traces"));
        assertThat(t.headers()).containsExactly(Map.entry("x-api-key", "k1"));
        assertThat(t.serviceName()).isEqualTo("gateway");
        assertThat(t.samplingRatio()).isEqualTo(0.25);
        Files.writeString(f, "telemetry: {endpoint: \"http://c:4318/v1/traces\"}\n");
        assertThat(ConfigFile.load(f, List::of).telemetry().orElseThrow().tracesUrl()).isEqualTo(URI.create("http://c:4318/v1/traces"));
        assertThat(ConfigFile.load(example(), List::of).telemetry()).as("off unless configured").isEmpty();
        refuses("telemetry: {sampling_ratio: 0.5}\n", "telemetry.endpoint is required");
        refuses("telemetry: {endpoint: \"localhost:4318\"}\n", "telemetry.endpoint must be an http:// or https:// URL with a host");
        refuses("telemetry: {endpoint: \"http://c:4318\", sampling_ratio: 2}\n", "telemetry.sampling_ratio must be a number in [0, 1], was 2.0");
        refuses("telemetry: {endpoint: \"http://c:4318\", sample: 1}\n", "sample");
    }

    @Test
    void the_standard_variables_turn_telemetry_on_when_the_endpoint_is_set() {
        assertThat(TelemetryConfig.fromEnvironment(Map.of())).isEmpty();
        TelemetryConfig t = TelemetryConfig.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20abc,x-team=a", "OTEL_SERVICE_NAME", "edge")).orElseThrow();
        assertThat(t.tracesUrl()).isEqualTo(URI.create("http://127.0.0.1:4318/v1/traces"));
        assertThat(t.headers()).containsExactly(Map.entry("authorization", "Bearer abc"), Map.entry("x-team", "a"));
        assertThat(t.serviceName()).isEqualTo("edge");
        assertThatThrownBy(() -> TelemetryConfig.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
                .isInstanceOfSatisfying(BadField.class, e -> assertThat(e.field()).isEqualTo("OTEL_EXPORTER_OTLP_ENDPOINT"))
                .hasMessageStartingWith("must be an http:// or https:// URL with a host");
    }

    @Test
    void keys_are_stored_as_sha256() {
        assertThat(KeyConfig.hash("sk-test")).hasSize(64).isEqualTo(KeyConfig.hash("sk-test")).isNotEqualTo(KeyConfig.hash("sk-tesT"));
    }

    @Test
    void an_error_names_the_line_the_field_is_on() throws Exception {
        Path f = dir.resolve("lines.yaml");
        Files.writeString(f, "server:\n  host: 127.0.0.1\n\nkeys:\n  - id: a\n    sha256: " + KeyConfig.hash("x") + "\n    requests_per_minute: 0\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of))
                .hasMessage("line 7 of " + f + ": keys[0].requests_per_minute must be a whole number in 1..2147483647, was 0");
        Files.writeString(f, "upstreams:\n  - name: u\n    models: [m]\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).as("an absent field: the line of its section")
                .hasMessage("line 2 of " + f + ": upstreams[0].base_url is required (e.g. http://localhost:8000/v1, or https://api.anthropic.com for kind anthropic)");
    }

    @Test
    void values_are_taken_as_written() throws Exception {
        refuses("server: {port: \"8080\"}\n", "server.port must be a whole number, was \"8080\"");
        refuses("server: {cooldown_seconds: 1.5}\n", "server.cooldown_seconds must be a whole number, was 1.5");
        refuses("upstreams:\n  - {name: 7, base_url: http://h/v1, models: [m]}\n", "upstreams[0].name must be text, was 7");
        refuses("keys: {id: a}\n", "keys must be a list, was a mapping");
        refuses("server:\n  port: 1\n host: x\n", "line 3 of " + dir.resolve("t.yaml") + ": not valid YAML: expected <block end>");
    }

    @Test
    void an_upstream_speaks_openai_unless_its_kind_says_anthropic() throws Exception {
        Path f = dir.resolve("kinds.yaml");
        Files.writeString(f, "upstreams:\n  - {name: o, base_url: http://h/v1, models: [m]}\n"
                + "  - {name: c, kind: anthropic, base_url: https://api.anthropic.com, api_key_env: ANTHROPIC_API_KEY, models: {claude: claude-sonnet-4-5}}\n");
        var ups = ConfigFile.load(f, List::of).upstreams();
        assertThat(ups).extracting(UpstreamConfig::kind).containsExactly(UpstreamConfig.Kind.OPENAI, UpstreamConfig.Kind.ANTHROPIC);
        assertThat(ups.get(1).models()).containsEntry("claude", "claude-sonnet-4-5");
        refuses("upstreams:\n  - {name: u, kind: gemini, base_url: http://h/v1, models: [m]}\n", "upstreams[0].kind must be openai or anthropic, was \"gemini\"");
    }

    private void refuses(String yaml, String message) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).isInstanceOf(PonderException.class).hasMessageContaining(message);
    }

    @Test
    void what_the_file_leaves_out_keeps_the_proxy_s_defaults() throws Exception {
        Path f = dir.resolve("empty.yaml");
        Files.writeString(f, "server: {}\nbanks: none\n");
        ProxyConfig read = ConfigFile.load(f, List::of);
        assertThat(read).usingRecursiveComparison().isEqualTo(ProxyConfig.builder().baseDir(dir.toAbsolutePath()).build());
        Files.writeString(f, "# nothing\n");
        assertThatThrownBy(() -> ConfigFile.load(f, List::of)).hasMessage(f + ": the config must be a YAML mapping");
    }

    @Test
    void a_file_that_cannot_be_read_says_why_in_one_line() throws Exception {
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("missing.yaml"), List::of)).hasMessage("config not found: " + dir.resolve("missing.yaml"));
        Path bytes = Files.write(dir.resolve("bytes.yaml"), new byte[] {(byte) 0xFF, 0x00, 0x7B, (byte) 0xC3});
        assertThatThrownBy(() -> ConfigFile.load(bytes, List::of)).hasMessage("cannot read config " + bytes + ": it is not UTF-8 text");
    }

    @Test
    void the_live_path_fields_are_read_and_checked_with_their_line() throws Exception {
        Path f = dir.resolve("live.yaml");
        Files.writeString(f, """
                server: {max_samples: 16}
                require_prices: true
                checker: regex:\\d+
                upstreams:
                  - {name: u, base_url: http://h/v1, models: [m], answer: semantic, completions: off, logprobs: true, checker: game24}
                calibration:
                  share: 0.05
                  epsilon: 0.05
                  min_questions: 30
                  refit_every: 10
                  store: cal
                  files: {m: m.json}
                stored: kept.jsonl
                """);
        ProxyConfig c = ConfigFile.load(f, List::of);
        assertThat(c.maxSamples()).isEqualTo(16);
        assertThat(c.requirePrices()).isTrue();
        assertThat(c.checker()).contains("regex:\\d+");
        UpstreamConfig u = c.upstreams().getFirst();
        assertThat(u.answer()).isEqualTo("semantic");
        assertThat(u.completions()).isEqualTo(PlainCompletions.OFF);
        assertThat(u.logprobs()).isTrue();
        assertThat(u.checker()).contains("game24");
        CalibrationConfig cal = c.calibration().orElseThrow();
        assertThat(cal.share()).isEqualTo(0.05);
        assertThat(cal.epsilon()).isEqualTo(0.05);
        assertThat(cal.delta()).isEqualTo(0.1);
        assertThat(cal.minQuestions()).isEqualTo(30);
        assertThat(cal.refitEvery()).isEqualTo(10);
        assertThat(cal.store()).contains(dir.toAbsolutePath().resolve("cal"));
        assertThat(cal.files()).containsEntry("m", dir.toAbsolutePath().resolve("m.json"));
        assertThat(c.stored()).contains("kept.jsonl");
        String upstream = "upstreams:\n  - name: u\n    base_url: http://h/v1\n    models: [m]\n";
        refuses(upstream + "    answer: semantik\n", "line 5 of " + dir.resolve("t.yaml") + ": upstreams[0].answer must be one of");
        refuses(upstream + "    completions: sometimes\n", "line 5 of " + dir.resolve("t.yaml") + ": upstreams[0].completions must be auto, on or off");
        refuses(upstream + "    checker: tea-leaves\n", "upstreams[0].checker must name a checker: unknown checker \"tea-leaves\"");
        refuses("checker: regex:(\n", "checker must name a checker");
        refuses("calibration: {risk: accuracy}\n", "calibration.risk must be disagreement");
        refuses("calibration: {share: 2}\n", "calibration.share must be a number in [0, 1], was 2.0");
        refuses("calibration: {min_questions: 50, window: 10}\n", "calibration.window must be at least min_questions (50), was 10");
        refuses("server: {max_samples: 0}\n", "server.max_samples must be a whole number in 1..100000, was 0");
        refuses("require_prices: yes please\n", "require_prices");
    }
}
