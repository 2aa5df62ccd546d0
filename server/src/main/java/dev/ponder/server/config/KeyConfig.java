package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An API key as configured: its id (for metrics and the ledger; never the secret), the SHA-256 of the secret, an
 * optional dollar budget per period, request and token rate limits per minute, and the models it may use (empty: all).
 */
public record KeyConfig(String id, String sha256, Optional<DollarBudget> budget, OptionalInt requestsPerMinute,
                        OptionalLong tokensPerMinute, Set<String> models) {

    /** At most {@code dollars} per {@code period}. */
    public record DollarBudget(double dollars, Period period) {
        public DollarBudget {
            if (!(dollars >= 0) || Double.isInfinite(dollars)) throw new IllegalArgumentException("budget dollars must be >= 0, was " + dollars);
            Objects.requireNonNull(period, "period");
        }

        /** As the config file writes it: {@code {dollars: 20, period: day}}, the period a month unless given. */
        @JsonCreator
        static DollarBudget read(@JsonProperty("dollars") Double dollars, @JsonProperty("period") String period) {
            double d = Checks.nonNegative("dollars", dollars, "is required");
            return new DollarBudget(d, period == null ? Period.MONTH : Period.parse(period));
        }
    }

    public KeyConfig {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("key id is blank");
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("key " + id + ": sha256 must be 64 hex digits (ponder serve --hash-key SECRET prints it)");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(budget, "budget");
        requestsPerMinute.ifPresent(r -> { if (r < 1) throw new IllegalArgumentException("key " + id + ": requests_per_minute must be >= 1"); });
        tokensPerMinute.ifPresent(r -> { if (r < 1) throw new IllegalArgumentException("key " + id + ": tokens_per_minute must be >= 1"); });
        models = Set.copyOf(models);
    }

    /** As the config file writes it (a {@code keys} entry); the rates are per minute. */
    @JsonCreator
    static KeyConfig read(@JsonProperty("id") String id, @JsonProperty("sha256") String sha256, @JsonProperty("budget") DollarBudget budget,
                          @JsonProperty("requests_per_minute") Long requestsPerMinute, @JsonProperty("tokens_per_minute") Long tokensPerMinute,
                          @JsonProperty("models") List<String> models) {
        Checks.required("id", id, "is required (a name for metrics and the ledger)");
        Checks.required("sha256", sha256, "is required: ponder serve --hash-key SECRET prints it");
        long rpm = Checks.whole("requests_per_minute", requestsPerMinute, 1, Integer.MAX_VALUE, 0);
        long tpm = Checks.whole("tokens_per_minute", tokensPerMinute, 1, Long.MAX_VALUE, 0);
        return new KeyConfig(id, sha256, Optional.ofNullable(budget), rpm == 0 ? OptionalInt.empty() : OptionalInt.of((int) rpm),
                tpm == 0 ? OptionalLong.empty() : OptionalLong.of(tpm), models == null ? Set.of() : Set.copyOf(models));
    }

    /** The hex SHA-256 of a key's secret, as the config stores it. */
    public static String hash(String secret) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
