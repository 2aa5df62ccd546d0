package dev.ponder.core.backend.openai.protocol;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asks us to wait: {@code retry-after-ms} (OpenAI), else {@code Retry-After} as seconds
 * (integer or decimal) or as an HTTP date (RFC 9110), measured from {@code clock}. Unparseable values are ignored.
 */
final class RetryAfter {
    private RetryAfter() { }

    static Optional<Duration> of(HttpHeaders headers, InstantSource clock) {
        Optional<Duration> ms = headers.firstValue("retry-after-ms").flatMap(v -> number(v).map(x -> Duration.ofNanos((long) (x * 1e6))));
        if (ms.isPresent()) return ms;
        return headers.firstValue("retry-after").flatMap(v -> parse(v, clock));
    }

    static Optional<Duration> parse(String value, InstantSource clock) {
        String v = value.strip();
        Optional<Double> secs = number(v);
        if (secs.isPresent()) return Optional.of(Duration.ofNanos((long) (secs.get() * 1e9)));
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String v) {
        try {
            double x = Double.parseDouble(v.strip());
            return x >= 0 && Double.isFinite(x) ? Optional.of(x) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
