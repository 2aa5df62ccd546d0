package dev.ponder.server.calibration;

import dev.ponder.core.model.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Live calibration in the metrics, apart from the requests' own: its spend ({@code ponder_calibration_dollars_total},
 * {@code ponder_calibration_tokens_total}, {@code ponder_calibration_samples_total}), the questions it drew and those
 * a failed call left incomplete, its refits by outcome ({@code adopted}, {@code fell_back}, {@code kept_full}), and per
 * model whether it has fallen back to the full budget ({@code ponder_calibration_fallback}, 1 or 0) and the certified
 * bound of the setting in use ({@code ponder_calibration_certified_bound}).
 */
final class CalibrationMeters {
    private final MeterRegistry registry;

    CalibrationMeters(MeterRegistry registry) { this.registry = registry; }

    void watch(ModelState s) {
        Gauge.builder("ponder_calibration_fallback", s, x -> x.fellBack() ? 1 : 0).description("1 while the model runs the full budget after a"
                + " fall-back").tag("model", s.model()).register(registry);
        Gauge.builder("ponder_calibration_certified_bound", s, x -> x.fellBack() ? Double.NaN : x.current().certifiedBound())
                .description("the certified bound of the setting in use").tag("model", s.model()).register(registry);
    }

    void drew(String model, Usage used, int samples) {
        Counter.builder("ponder_calibration_dollars").description("dollars spent drawing calibration questions to the full budget")
                .tag("model", model).register(registry).increment(used.dollars());
        Counter.builder("ponder_calibration_tokens").tags("model", model, "kind", "input").register(registry).increment((double) used.inputTokens());
        Counter.builder("ponder_calibration_tokens").tags("model", model, "kind", "output").register(registry).increment((double) used.outputTokens());
        Counter.builder("ponder_calibration_samples").description("samples drawn for calibration beyond the answered ones").tag("model", model)
                .register(registry).increment(samples);
    }

    /** A calibration question drawn: complete, or left short of the full budget by a failed call (and not used). */
    void question(String model, boolean complete) {
        Counter.builder("ponder_calibration_questions").description("requests drawn on to the full budget for calibration")
                .tags("model", model, "outcome", complete ? "complete" : "incomplete").register(registry).increment();
    }

    void refit(String model, ModelState.Refit r) {
        Counter.builder("ponder_calibration_refits").tags("model", model, "outcome", r.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }
}
