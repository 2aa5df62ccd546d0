package dev.ponder.stats.fit;

import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.interval.Interval;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Bootstrap refits of a loss law: any quantity of the law, and any prediction, with a percentile interval. */
public interface LawBootstrap<L extends LossLaw> {
    /** The law fitted on the data itself. */
    L fittedLaw();

    /** The laws refitted on the bootstrap resamples. */
    List<L> replicates();

    /** The interval's coverage, e.g. 0.95. */
    double level();

    /** Any derived quantity of the law, with its bootstrap estimate. */
    default Estimate of(ToDoubleFunction<L> quantity) {
        double[] reps = replicates().stream().mapToDouble(quantity).toArray();
        return Bootstrap.summarise(quantity.applyAsDouble(fittedLaw()), reps, level());
    }

    /** Predicted loss at (N, D) with its percentile interval. */
    default Interval predict(double n, double d) {
        return of(l -> l.loss(n, d)).interval();
    }
}
