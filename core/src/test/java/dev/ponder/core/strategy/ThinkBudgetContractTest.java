package dev.ponder.core.strategy;

/** think@T over a chat-only backend (follow-up turns), without Wait extensions: one chain, one answer. */
class ThinkBudgetContractTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("think@64w0"); }
}
