package dev.ponder.core.strategy;

class WeightedVoteTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("wvote@5"); }
}
