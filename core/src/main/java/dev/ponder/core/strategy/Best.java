package dev.ponder.core.strategy;

import dev.ponder.core.model.Message;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best-of-N by a scorer (Cobbe et al. 2021, "Training Verifiers to Solve Math Word Problems"): draw N, return the
 * answer of the highest-scoring sample. The score is, in order: the score a sample came with (a recorded reward-model
 * score); else the checker's verdict (accepted with its confidence, rejected 0); else, on a live backend, a
 * self-evaluation call per sample asking the model how likely the answer is correct (Kadavath et al. 2022,
 * "Language Models (Mostly) Know What They Know"), each call budgeted and traced. With no way to score it votes.
 */
record Best(int n) implements DrawAll {
    static final String SELF_EVAL = "Here is a proposed solution. How likely is its final answer to be correct? "
            + "Reply with one number between 0 and 1 and nothing else.";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(0(?:\\.\\d+)?|1(?:\\.0+)?|\\.\\d+)(?![\\d.])");

    Best {
        if (n < 1) throw new IllegalArgumentException("best@N needs N >= 1, was " + n);
    }

    @Override
    public String name() { return "best@" + n; }

    @Override
    public Result decideOver(Session session) {
        List<Sample> scored = new ArrayList<>();
        for (Sample s : session.drawn()) {
            if (!s.hasAnswer()) continue;
            score(session, s).ifPresent(x -> scored.add(s.withScore(x)));
        }
        Optional<Sample> best = scored.stream().max(Comparator.comparingDouble(s -> s.score().orElseThrow()));
        if (best.isEmpty()) return Vote.decide(session, name());
        return session.result(name(), best.get().answer(), best, Scores.probability(best.get().score().get()));
    }

    private static Optional<Double> score(Session session, Sample s) {
        if (s.score().isPresent()) return s.score();
        if (session.checker().isPresent()) {
            return Optional.of(switch (session.check(s)) {
                case Verdict.Accepted a -> a.confidence();
                case Verdict.Rejected r -> 0.0;
                case Verdict.Undecided u -> 0.5;
            });
        }
        if (session.finite() || session.stopped()) return Optional.empty();
        List<Message> convo = new ArrayList<>(session.baseRequest().messages());
        // a call is shown as text: a turn with tool calls would have to be followed by their results
        convo.add(Message.assistant(s.toolCalls().isEmpty() ? s.text() : (s.text() + "\nCalls: " + s.answer()).strip()));
        convo.add(Message.user(SELF_EVAL));
        List<Sample> reply = session.draw(session.baseRequest().withMessages(convo).withN(1), "self-evaluate");
        return reply.isEmpty() ? Optional.empty() : parse(reply.getFirst().text());
    }

    static Optional<Double> parse(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }
}
