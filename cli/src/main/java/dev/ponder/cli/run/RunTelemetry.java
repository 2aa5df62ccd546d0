package dev.ponder.cli.run;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.core.telemetry.Keys;
import dev.ponder.core.telemetry.RequestSpans;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.server.config.TelemetryConfig;
import dev.ponder.server.telemetry.Otlp;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lab run's traces, when {@code --otlp URL}, the plan's {@code otlp:} or {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a
 * collector: the run is one trace, {@code ponder run} at its root and a span per problem and strategy under it (their
 * steps and upstream calls below), sent over OTLP/HTTP. Closing sends what is left; a collector that cannot be reached costs a warning, never the run.
 */
final class RunTelemetry implements AutoCloseable {
    /** Spans waiting to be sent: a replayed run ends thousands a second, and the SDK drops what its queue cannot hold. */
    private static final int QUEUE = 1 << 16;
    private final Optional<Otlp> otlp;
    private final Telemetry telemetry;
    private final PrintWriter err;

    private RunTelemetry(Optional<Otlp> otlp, PrintWriter err) {
        this.otlp = otlp;
        this.telemetry = otlp.map(o -> Telemetry.of(o.openTelemetry())).orElse(Telemetry.off());
        this.err = err;
    }

    /**
     * Traces to {@code url} ({@code where} names the flag or field it came from, for a bad one), else where
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT} in {@code env} says; {@code OTEL_EXPORTER_OTLP_HEADERS} and
     * {@code OTEL_SERVICE_NAME} apply to either. No trace without one of them.
     */
    static RunTelemetry start(Optional<String> url, String where, Map<String, String> env, PrintWriter err) {
        if (url.isPresent() && url.get().isBlank()) throw PonderException.invalid("%s: is empty; give a collector's URL, e.g. http://localhost:4318", where);
        Map<String, String> vars = new HashMap<>(env);
        url.ifPresent(u -> vars.put(TelemetryConfig.ENDPOINT_VARIABLE, u));
        Optional<TelemetryConfig> config;
        try {
            config = TelemetryConfig.fromEnvironment(vars);
        } catch (BadField e) {
            throw PonderException.invalid("%s: %s", url.isPresent() ? where : e.field(), e.getMessage());
        }
        return new RunTelemetry(config.map(c -> Otlp.start(c, line -> err.println("ponder: warning: " + line), QUEUE)), err);
    }

    /** {@code work} as the run's root span, {@code ponder run}, named {@code run} by its attribute; an error when it fails. */
    void run(String run, Runnable work) {
        if (!telemetry.on()) {
            work.run();
            return;
        }
        Span span = telemetry.internal("ponder run", Context.root());
        span.setAttribute(Keys.RUN, run);
        try (Scope ignored = telemetry.context(Context.root(), span).makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            RequestSpans.failed(span, e instanceof PonderException p ? p.kind().name() : e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public void close() {
        otlp.ifPresent(o -> {
            boolean flushed = o.flush(Duration.ofSeconds(10));
            o.close();
            if (!flushed || o.lost() > 0) {
                err.println("ponder: warning: the collector did not get all of the run's trace" + (o.lost() > 0 ? " (" + o.lost() + " spans lost)" : ""));
            }
        });
    }
}
