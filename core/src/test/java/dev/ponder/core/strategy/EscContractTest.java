package dev.ponder.core.strategy;

class EscContractTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("esc@3"); }
}
