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

/**
 * An OpenTelemetry SDK exporting spans over OTLP/HTTP (protobuf, the JDK's HttpClient as the sender) as a
 * {@link TelemetryConfig} says: a batch processor (spans leave in batches on the SDK's own thread, never on a
 * request's), a parent-based ratio sampler, the resource's {@code service.name}. What {@code ponder serve} and
 * {@code ponder run --otlp} build; a program embedding Ponder brings its own SDK instead.
 */
public final class Otlp implements AutoCloseable {
    private final OpenTelemetrySdk sdk;

    private Otlp(OpenTelemetrySdk sdk) { this.sdk = sdk; }

    public static Otlp start(TelemetryConfig c) {
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(c.tracesUrl().toString())
                .setTimeout(Duration.ofSeconds(10));
        c.headers().forEach(exporter::addHeader);
        SdkTracerProvider tracers = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.builder().put("service.name", c.serviceName()).build())))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(c.samplingRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
                .build();
        return new Otlp(OpenTelemetrySdk.builder().setTracerProvider(tracers)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());
    }

    public OpenTelemetrySdk openTelemetry() { return sdk; }

    /** Sends what has ended; true when the collector took it within {@code timeout}. */
    public boolean flush(Duration timeout) {
        return sdk.getSdkTracerProvider().forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
    }

    /** Sends what is left (waiting up to 10 s for the collector), then stops the exporter. */
    @Override
    public void close() { sdk.shutdown().join(10, TimeUnit.SECONDS); }
}
