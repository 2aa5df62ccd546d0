package dev.ponder.core.strategy;

/** A strategy that asks for its N samples at once and then decides over them: vote, weighted vote, best-of-N. */
interface DrawAll extends Strategy {

    /** How many samples it draws. */
    int n();

    /** The answer from what the session drew. */
    Result decideOver(Session session);

    @Override
    default int maxSamples() { return n(); }

    @Override
    default Result solve(Session session) {
        session.draw(n());
        return decideOver(session);
    }
}
