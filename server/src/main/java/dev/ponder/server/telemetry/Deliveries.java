package dev.ponder.server.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ConnectException;
import java.net.URI;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The exporter as Ponder reports it: the SDK's own log of a failed export is a stack trace (silenced in
 * {@link Otlp}), so this says it in one line instead, once when the collector stops taking spans and once when it
 * takes them again. It counts the spans that ended ({@link #counter()}, a processor beside the batch one) and those
 * the collector took, so a run's closing line can say how many never arrived, whether the export failed or the batch
 * processor's queue was full and dropped them.
 */
final class Deliveries implements SpanExporter {
    private final SpanExporter exporter;
    private final URI url;
    private final Consumer<String> warn;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    Deliveries(SpanExporter exporter, URI url, Consumer<String> warn) {
        this.exporter = exporter;
        this.url = url;
        this.warn = warn;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = exporter.export(spans);
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                delivered.addAndGet(spans.size());
                if (failing.compareAndSet(true, false)) warn.accept("traces reach " + url + " again (" + lost.get() + " spans lost so far)");
                return;
            }
            lost.addAndGet(spans.size());
            if (failing.compareAndSet(false, true)) warn.accept("traces could not be sent to " + url + ": " + why(result.getFailureThrowable())
                    + "; spans are dropped until it answers");
        });
        return result;
    }

    /** Sampled spans that ended and were not delivered: lost, once the processor has been flushed. */
    long undelivered() { return ended.get() - delivered.get(); }

    /** Counts the sampled spans that end. */
    SpanProcessor counter() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) { }

            @Override
            public boolean isStartRequired() { return false; }

            @Override
            public void onEnd(ReadableSpan span) {
                if (span.getSpanContext().isSampled()) ended.incrementAndGet();
            }

            @Override
            public boolean isEndRequired() { return true; }
        };
    }

    /** The exporter's failure is a wrapper; what went wrong is its cause (a refused connection, a timeout), if any. */
    private static String why(Throwable t) {
        Throwable cause = t == null ? null : t.getCause();
        if (cause == null) return "the collector refused them";
        if (cause instanceof ConnectException) return "connection refused";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    @Override
    public CompletableResultCode flush() { return exporter.flush(); }

    @Override
    public CompletableResultCode shutdown() { return exporter.shutdown(); }
}
