package dev.ponder.core.telemetry;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attributes Ponder's spans carry: OpenTelemetry's GenAI semantic conventions (gen-ai-spans, the names current
 * in 2026: {@code gen_ai.provider.name} replaced {@code gen_ai.system}), a few general ones, and Ponder's own under
 * {@code ponder.}. Written out here rather than taken from {@code opentelemetry-semconv-incubating}, an alpha artifact
 * whose GenAI names still move between releases. No prompt or answer text is recorded (the conventions make content
 * opt-in): counts, names, tokens and dollars only.
 */
public final class Keys {
    private Keys() { }

    public static final AttributeKey<String> OPERATION = stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> PROVIDER = stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
    public static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
    public static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
    public static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
    public static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
    public static final AttributeKey<Long> CHOICE_COUNT = longKey("gen_ai.request.choice.count");
    public static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
    public static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
    public static final AttributeKey<List<String>> FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
    public static final AttributeKey<Long> INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
    public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
    public static final AttributeKey<Long> HTTP_STATUS = longKey("http.response.status_code");

    /** The strategy that ran: {@code vote@3}, {@code adaptive}, {@code single}. */
    public static final AttributeKey<String> STRATEGY = stringKey("ponder.strategy");
    /** The id of Ponder's own trace of the request ({@code GET /v1/ponder/traces/{id}} in the proxy), or of a run's part of it. */
    public static final AttributeKey<String> TRACE_ID = stringKey("ponder.trace_id");
    /** The problem a lab run's span solved (its id in the problem set or bank). */
    public static final AttributeKey<String> PROBLEM = stringKey("ponder.problem_id");
    /** A lab run: its plan's name, or the sources it ran. */
    public static final AttributeKey<String> RUN = stringKey("ponder.run");
    /** What a strategy step was for: {@code sample}, {@code critique}, {@code revise}, {@code think}, {@code judge}... */
    public static final AttributeKey<String> STEP = stringKey("ponder.step");
    /** The backend that served a step, e.g. {@code openai:http://localhost:8000/v1} or {@code replay:math-qwen25-rm8}. */
    public static final AttributeKey<String> BACKEND = stringKey("ponder.backend");
    public static final AttributeKey<Long> SAMPLES_REQUESTED = longKey("ponder.samples.requested");
    /** Samples drawn: by a step, or by the whole request (every run). */
    public static final AttributeKey<Long> SAMPLES = longKey("ponder.samples");
    /** Internal calls a request made (a step is one). */
    public static final AttributeKey<Long> CALLS = longKey("ponder.calls");
    /** Tries behind a call: 1 plus its retries, every upstream's when a pool fell back. */
    public static final AttributeKey<Long> ATTEMPTS = longKey("ponder.attempts");
    public static final AttributeKey<Double> COST = doubleKey("ponder.cost.usd");
    /** Why drawing stopped: {@code DONE}, {@code BUDGET}, {@code DEADLINE}, {@code EXHAUSTED}, {@code FAILED}. */
    public static final AttributeKey<String> STOP_REASON = stringKey("ponder.stop_reason");
    /** Independent runs of the strategy ({@code n} in the proxy); the vote attributes describe the first. */
    public static final AttributeKey<Long> RUNS = longKey("ponder.runs");
    /** Samples whose answer is the chosen one. */
    public static final AttributeKey<Long> VOTES = longKey("ponder.vote.votes");
    /** Distinct answers among the samples that have one. */
    public static final AttributeKey<Long> ANSWERS = longKey("ponder.vote.answers");
    /** The chosen answer's share of the samples that have an answer, in [0, 1]. */
    public static final AttributeKey<Double> SHARE = doubleKey("ponder.vote.share");
}
