package dev.ponder.core.strategy;

/** Why a strategy stopped drawing samples. */
public enum StopReason {
    /** The strategy's own rule said it had enough. */
    DONE,
    /** The next call could have taken the spend past the dollar or token budget. */
    BUDGET,
    /** The deadline passed. */
    DEADLINE,
    /** A finite backend (a replay bank) had no more samples for this problem. */
    EXHAUSTED,
    /** The backend failed with a non-retriable error or retries ran out. */
    FAILED
}
