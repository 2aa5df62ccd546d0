package dev.ponder.server.config;

import java.util.HexFormat;
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
    }

    public KeyConfig {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("key id is blank");
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("key " + id + ": sha256 must be 64 hex digits (ponder serve --hash-key SECRET prints it)");
        }
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        Objects.requireNonNull(budget, "budget");
        requestsPerMinute.ifPresent(r -> { if (r < 1) throw new IllegalArgumentException("key " + id + ": requests_per_minute must be >= 1"); });
        tokensPerMinute.ifPresent(r -> { if (r < 1) throw new IllegalArgumentException("key " + id + ": tokens_per_minute must be >= 1"); });
        models = Set.copyOf(models);
    }

    /** The hex SHA-256 of a key's secret, as the config stores it. */
    public static String hash(String secret) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
