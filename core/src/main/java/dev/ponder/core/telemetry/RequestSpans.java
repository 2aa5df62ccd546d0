package dev.ponder.core.telemetry;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a request's span says when it ends, the same in the library, the lab and the proxy: the strategy and how its
 * (first) run came out (why it stopped, and for a vote how the samples split), then the request's totals (tokens,
 * dollars, samples, internal calls, finish reasons). Nothing happens on a span that is not recording.
 */
public final class RequestSpans {
    private RequestSpans() { }

    /**
     * One run of {@code strategy}: its stop reason and, for any strategy but {@code single}, how many samples gave the
     * chosen answer, how many distinct answers there were, and the chosen answer's share.
     */
    public static void run(Span span, String strategy, String answer, List<Sample> samples, String stop) {
        if (!span.isRecording()) return;
        span.setAttribute(Keys.STRATEGY, strategy).setAttribute(Keys.STOP_REASON, stop);
        if (strategy.equals("single")) return;
        long votes = 0;
        long answered = 0;
        Set<String> distinct = new HashSet<>();
        for (Sample s : samples) {
            if (!s.hasAnswer()) continue;
            answered++;
            distinct.add(s.answer());
            if (s.answer().equals(answer)) votes++;
        }
        span.setAttribute(Keys.VOTES, votes).setAttribute(Keys.ANSWERS, (long) distinct.size())
                .setAttribute(Keys.SHARE, answered == 0 ? 0.0 : (double) votes / answered);
    }

    /** The request's totals over every internal call of every run. */
    public static void totals(Span span, Usage used, int samples, int calls, List<String> finishReasons) {
        if (!span.isRecording()) return;
        Usages.set(span, used);
        span.setAttribute(Keys.SAMPLES, (long) samples).setAttribute(Keys.CALLS, (long) calls);
        if (!finishReasons.isEmpty()) span.setAttribute(Keys.FINISH_REASONS, finishReasons);
    }

    /** The request failed: {@code type} (an error kind or code) as {@code error.type}, the span's status an error. */
    public static void failed(Span span, String type, String message) {
        if (!span.isRecording()) return;
        span.setAttribute(Keys.ERROR_TYPE, type).setStatus(StatusCode.ERROR, message);
    }
}
