/** Statistics for test-time compute: bootstrap, intervals, curve fits, sample planning, regression, risk. */
module dev.ponder.stats {
    requires hipparchus.core;
    requires hipparchus.optim;
    requires hipparchus.stat;

    exports dev.ponder.stats.bootstrap;
    exports dev.ponder.stats.estimate;
    exports dev.ponder.stats.fit;
    exports dev.ponder.stats.interval;
    exports dev.ponder.stats.plan;
    exports dev.ponder.stats.regression;
    exports dev.ponder.stats.risk;
}
