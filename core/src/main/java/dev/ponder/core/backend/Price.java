package dev.ponder.core.backend;

/** Dollars per million input and output tokens. Reasoning tokens are output tokens. */
public record Price(double inputPerMillion, double outputPerMillion) {
    public static final Price FREE = new Price(0, 0);

    public Price {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0))
            throw new IllegalArgumentException("prices must be >= 0, were input=" + inputPerMillion + " output=" + outputPerMillion);
    }

    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1e6;
    }
}
