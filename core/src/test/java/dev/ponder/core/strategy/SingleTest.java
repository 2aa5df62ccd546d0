package dev.ponder.core.strategy;

class SingleTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.single(); }
}
