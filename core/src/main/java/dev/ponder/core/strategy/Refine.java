package dev.ponder.core.strategy;

import dev.ponder.core.model.Message;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Self-Refine (Madaan et al. 2023): draft, get feedback, revise, for at most R rounds. Feedback is the checker's
 * verdict and reason when one is configured (a revision stops as soon as the checker accepts); without a checker the
 * model critiques its own draft, one extra call per round, before revising. Every call is a sampled call in the trace
 * (purposes {@code sample}, {@code critique}, {@code revise}).
 */
record Refine(int rounds) implements Strategy {
    static final String CRITIQUE = "Review the answer above step by step. List any mistakes you find; if it is correct, say so.";
    static final String REVISE = "Using this feedback, write an improved solution and state the final answer clearly.";

    Refine {
        if (rounds < 1) throw new IllegalArgumentException("refine@R needs R >= 1, was " + rounds);
    }

    @Override
    public String name() { return "refine@" + rounds; }

    @Override
    public int maxSamples() { return 1 + 2 * rounds; }

    @Override
    public Result solve(Session session) {
        List<Sample> draft = session.draw(1);
        if (draft.isEmpty()) return session.result(name(), "", Optional.empty(), 0);
        Sample current = draft.getFirst();
        List<Message> convo = new ArrayList<>(session.baseRequest().messages());
        for (int r = 0; r < rounds; r++) {
            convo.add(Message.assistant(current.text()));
            String feedback;
            if (session.checker().isPresent()) {
                Verdict v = session.check(current);
                if (v.isAccepted()) return session.result(name(), current.answer(), Optional.of(current), 1.0);
                feedback = "A checker says: " + v.reason() + ".";
            } else {
                List<Sample> critique = session.draw(session.baseRequest().withMessages(append(convo, Message.user(CRITIQUE))).withN(1), "critique");
                if (critique.isEmpty()) break;
                feedback = critique.getFirst().text();
            }
            convo.add(Message.user(feedback + "\n\n" + REVISE));
            List<Sample> revised = session.draw(session.baseRequest().withMessages(convo).withN(1), "revise");
            if (revised.isEmpty()) break;
            current = revised.getFirst();
        }
        return session.result(name(), current.answer(), Optional.of(current), current.hasAnswer() ? 0.5 : 0);
    }

    private static List<Message> append(List<Message> ms, Message m) {
        List<Message> out = new ArrayList<>(ms);
        out.add(m);
        return out;
    }
}
