package dev.ponder.core.strategy;

import dev.ponder.core.answer.Grouping;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Sample;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply of a vote over a {@link Grouping}: the sample that stands for the largest group (its medoid), or, for
 * universal self-consistency (Chen et al. 2023, "Universal Self-Consistency for Large Language Model Generation"),
 * the response that one more call names as the most consistent, with the paper's selection prompt. That call goes
 * through the session, so the budget is checked before it and it is traced and charged like a sample. When no judge
 * can be asked (a replayed bank, a spent budget, fewer than two replies) or its reply names no response, the largest
 * group's representative stands. Confidence is the chosen reply's group's share of the votes.
 */
final class Consensus {
    private static final Pattern CHOICE = Pattern.compile("(?i)most consistent response is\\W*response\\W*(\\d+)");
    private static final Pattern ANY = Pattern.compile("(?i)response\\W*(\\d+)");

    private Consensus() {}

    static Result decide(Session session, String name, Tally tally, Grouping grouping, String top) {
        List<Sample> voters = session.drawn().stream().filter(s -> s.answer().equals(top)).toList();
        Sample chosen = grouping.representative(voters);
        if (grouping.judged() && !session.finite()) chosen = judge(session).orElse(chosen);
        return session.result(name, chosen.answer(), Optional.of(chosen), (double) tally.count(chosen.answer()) / tally.votes());
    }

    private static Optional<Sample> judge(Session session) {
        List<Sample> replies = session.drawn().stream().filter(Sample::hasAnswer).toList();
        if (replies.size() < 2) return Optional.empty();
        List<Sample> said = session.draw(session.baseRequest().withMessages(List.of(Message.user(prompt(session.problem().question(), replies))))
                .withN(1), "usc");
        return said.isEmpty() ? Optional.empty() : choice(said.getFirst().text(), replies.size()).map(replies::get);
    }

    static String prompt(String question, List<Sample> replies) {
        StringBuilder p = new StringBuilder("I have generated the following responses to the question: ").append(question).append("\n\n");
        for (int i = 0; i < replies.size(); i++) p.append("Response ").append(i).append(": ").append(replies.get(i).text().strip()).append("\n\n");
        return p.append("Evaluate these responses.\nSelect the most consistent response based on majority consensus.\n")
                .append("Start your answer with \"The most consistent response is Response X\" (without quotes).").toString();
    }

    /** The response index the judge named: after "the most consistent response is", else the first "Response X". */
    static Optional<Integer> choice(String reply, int count) {
        Matcher m = CHOICE.matcher(reply);
        if (!m.find()) {
            m = ANY.matcher(reply);
            if (!m.find()) return Optional.empty();
        }
        try {
            int i = Integer.parseInt(m.group(1));
            return i < count ? Optional.of(i) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
