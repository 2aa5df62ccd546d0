package dev.ponder.core.testing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;

/**
 * An application's own OpenTelemetry SDK, as a library user sets one up: a batch processor exporting over OTLP/HTTP
 * (the JDK sender) to a test's {@link OtlpReceiver}. {@link #flush()} returns once every ended span has been received.
 */
public final class TestTelemetry implements AutoCloseable {
    private final OpenTelemetrySdk sdk;

    public TestTelemetry(OtlpReceiver receiver, String service) {
        SdkTracerProvider tracers = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.builder().put("service.name", service).build())))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(receiver.tracesUrl()).build()).build())
                .build();
        sdk = OpenTelemetrySdk.builder().setTracerProvider(tracers).build();
    }

    public OpenTelemetry openTelemetry() { return sdk; }

    public void flush() {
        if (!sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS).isSuccess()) throw new AssertionError("spans not exported");
    }

    @Override
    public void close() { sdk.close(); }
}
