package dev.ponder.lab.report;

import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.List;

/**
 * One configuration's results: accuracy with its Wilson 95% interval over the problems that did not fail (the failed
 * ones are counted apart), and mean samples and dollars per problem over all of them.
 */
record ConfigStats(ConfigRow config, List<StoredOutcome> outcomes, int failed, Interval accuracy, double samples, double dollars) {
    static ConfigStats of(ConfigRow c, List<StoredOutcome> os) {
        List<StoredOutcome> done = os.stream().filter(o -> !o.failed()).toList();
        long right = done.stream().filter(StoredOutcome::correct).count();
        return new ConfigStats(c, done, os.size() - done.size(), Wilson.interval95((double) right, Math.max(1, done.size())),
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
