package dev.ponder.server.telemetry;

import dev.ponder.server.config.TelemetryConfig;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An OpenTelemetry SDK exporting spans over OTLP/HTTP (protobuf, the JDK's HttpClient as the sender) as a
 * {@link TelemetryConfig} says: a batch processor (spans leave in batches on the SDK's own thread, never on a
 * request's), a parent-based ratio sampler, the resource's {@code service.name}. What {@code ponder serve} and
 * {@code ponder run --otlp} build; a program embedding Ponder brings its own SDK instead.
 */
public final class Otlp implements AutoCloseable {
    /** Held so the level stays set: the SDK logs a failed export with its stack trace; {@link Deliveries} says it in a line. */
    private static final Logger SDK_LOG = Logger.getLogger("io.opentelemetry");
    private static final int DEFAULT_QUEUE = 2048;
    private final OpenTelemetrySdk sdk;
    private final Deliveries deliveries;

    private Otlp(OpenTelemetrySdk sdk, Deliveries deliveries) {
        this.sdk = sdk;
        this.deliveries = deliveries;
    }

    /** The SDK as {@code c} says; {@code warn} hears, in a line each, when the collector stops and starts taking spans. */
    public static Otlp start(TelemetryConfig c, Consumer<String> warn) { return start(c, warn, DEFAULT_QUEUE); }

    /**
     * As {@link #start(TelemetryConfig, Consumer)}, holding up to {@code queue} ended spans while they wait to be sent
     * (the SDK's default is 2,048): a lab run ends spans far faster than a proxy does, and one dropped for a full queue
     * is lost.
     */
    public static Otlp start(TelemetryConfig c, Consumer<String> warn, int queue) {
        SDK_LOG.setLevel(Level.OFF);
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(c.tracesUrl().toString())
                .setTimeout(Duration.ofSeconds(10));
        c.headers().forEach(exporter::addHeader);
        Deliveries deliveries = new Deliveries(exporter.build(), c.tracesUrl(), warn);
        SdkTracerProvider tracers = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.builder().put("service.name", c.serviceName()).build())))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(c.samplingRatio())))
                .addSpanProcessor(deliveries.counter())
                .addSpanProcessor(BatchSpanProcessor.builder(deliveries).setMaxQueueSize(queue).build())
                .build();
        return new Otlp(OpenTelemetrySdk.builder().setTracerProvider(tracers)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build(), deliveries);
    }

    public OpenTelemetrySdk openTelemetry() { return sdk; }

    /** Sends what has ended, waiting up to {@code timeout}; false when that was not long enough. */
    public boolean flush(Duration timeout) {
        return sdk.getSdkTracerProvider().forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
    }

    /**
     * Spans that ended and the collector did not take (it could not be reached or refused them, or the queue was full):
     * exact once {@link #flush} has returned true.
     */
    public long lost() { return deliveries.undelivered(); }

    /** Sends what is left (waiting up to 10 s for the collector), then stops the exporter. */
    @Override
    public void close() { sdk.shutdown().join(10, TimeUnit.SECONDS); }
}
