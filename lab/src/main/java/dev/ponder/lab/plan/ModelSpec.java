package dev.ponder.lab.plan;

import java.util.Optional;

/** A model on a backend, with its price in dollars per million input and output tokens (else the shipped catalogue's). */
record ModelSpec(String name, Optional<PriceSpec> price) {
    public ModelSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a model needs a name");
        price = price == null ? Optional.empty() : price;
    }

    /** Dollars per million tokens. */
    public record PriceSpec(double input, double output) {
        public PriceSpec {
            if (!(input >= 0) || !(output >= 0)) throw new IllegalArgumentException("prices must be >= 0, were input=" + input + " output=" + output);
        }
    }
}
