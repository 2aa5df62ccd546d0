package dev.ponder.core.verify;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.core.model.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live model asked to grade an answer, for tasks with no checker ("LLM-as-a-judge", Zheng et al. 2023). The judge's
 * own calls are counted in {@link #usage()} so that a strategy can charge them to its budget. A call that fails, or a
 * reply without a verdict line, gives {@link Verdict.Undecided}; a budget error is rethrown.
 */
public final class LlmJudge implements Verifier {

    static final String SYSTEM = "You grade answers. Compare the candidate answer with the reference answer when one is"
            + " given, otherwise judge it on its own merits. Think briefly, then end with exactly one line:"
            + " VERDICT: CORRECT or VERDICT: INCORRECT.";
    private static final Pattern VERDICT = Pattern.compile("VERDICT:\\s*\\**\\s*(CORRECT|INCORRECT)", Pattern.CASE_INSENSITIVE);

    private final Backend backend;
    private final String model;
    private Usage usage = Usage.ZERO;
    private int calls;

    LlmJudge(Backend backend, String model) {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("judge model name is blank");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.model = model;
    }

    @Override
    public String name() { return "llm-judge"; }

    @Override
    public Verdict verify(Problem problem, String answer) {
        String prompt = "Question:\n" + problem.question() + "\n\n"
                + (problem.reference().isBlank() ? "" : "Reference answer:\n" + problem.reference() + "\n\n")
                + "Candidate answer:\n" + answer;
        GenerationRequest request = GenerationRequest.of(model, List.of(Message.system(SYSTEM), Message.user(prompt)), 1);
        List<Generation> replies;
        try {
            replies = backend.generate(request).generations();
        } catch (PonderException e) {
            if (e.kind() == PonderException.Kind.BUDGET_EXCEEDED) throw e;
            return Verdict.undecided("judge call failed: " + e.getMessage());
        }
        Generation reply = replies.getFirst();
        synchronized (this) {
            usage = usage.plus(reply.usage());
            calls++;
        }
        Matcher m = VERDICT.matcher(reply.text());
        String last = null;
        while (m.find()) last = m.group(1).toUpperCase(Locale.ROOT);
        if (last == null) return Verdict.undecided("the judge gave no verdict line");
        return last.equals("CORRECT") ? Verdict.accepted("judge " + model + " says correct")
                : Verdict.rejected("judge " + model + " says incorrect");
    }

    /** Everything the judge's calls consumed so far. */
    public synchronized Usage usage() { return usage; }

    public synchronized int calls() { return calls; }
}
