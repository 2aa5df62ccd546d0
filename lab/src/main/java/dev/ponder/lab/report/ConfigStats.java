package dev.ponder.lab.report;

import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.List;

/** One configuration's results: accuracy with its Wilson 95% interval, and mean samples and dollars per problem. */
record ConfigStats(ConfigRow config, List<StoredOutcome> outcomes, Interval accuracy, double samples, double dollars) {
    static ConfigStats of(ConfigRow c, List<StoredOutcome> os) {
        long right = os.stream().filter(StoredOutcome::correct).count();
        return new ConfigStats(c, os, Wilson.interval95(right, os.size()),
                os.stream().mapToInt(StoredOutcome::samples).average().orElse(0),
                os.stream().mapToDouble(StoredOutcome::dollars).average().orElse(0));
    }

    String strategy() { return config.strategy(); }

    /** A label that tells configurations of one source apart: strategy, plus budget and seed when they vary. */
    String label(boolean budgets, boolean seeds) {
        String s = config.strategy();
        if (budgets) s += " " + config.budget();
        if (seeds) s += " seed " + config.seed();
        return s;
    }

    /** The strategy's family (the name before {@code @}): points of one family share a series. */
    String family() {
        int at = config.strategy().indexOf('@');
        return at < 0 ? config.strategy() : config.strategy().substring(0, at);
    }
}
