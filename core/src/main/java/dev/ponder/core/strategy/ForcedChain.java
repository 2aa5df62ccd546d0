package dev.ponder.core.strategy;

import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chain of thought held to about {@code budget} thinking tokens by budget forcing (Muennighoff et al. 2025,
 * "s1: Simple test-time scaling", section 3.1): think with the remaining budget as the token cap and the
 * end-of-thinking delimiter as a stop string; a chain that stops early has its delimiter suppressed and "Wait"
 * appended, and thinks on (at most {@code maxWaits} times); then the end-of-thinking text and an answer cue are
 * appended and a second, short call writes the answer. A chain within 5% of its budget counts as having reached it.
 * Every call goes through the session (budget, trace); thinking calls count their output as thinking tokens.
 */
final class ForcedChain {
    /** Tokens for the answer after the thinking. */
    static final int ANSWER_TOKENS = 512;
    static final String FOLLOW_UP_WAIT = ". Think it over again and check your reasoning, then give your final answer.";
    static final String ANSWER_NOW = "Stop thinking now and give your final answer.";

    record Settings(int budget, int maxWaits, Optional<ModelFamily> family, ThinkRoute route) {
        Settings {
            if (budget < 1) throw new IllegalArgumentException("thinking budget must be >= 1 token, was " + budget);
            if (maxWaits < 0) throw new IllegalArgumentException("max Wait extensions must be >= 0, was " + maxWaits);
        }
    }

    /** The chain's sample (already added to the session's drawn samples) and what it took. */
    record Outcome(Sample sample, long thinkingTokens, int waits, boolean reachedBudget) { }

    private final Session session;
    private final Settings settings;
    private final ModelFamily family;
    private final GenerationRequest base;
    private final StringBuilder thinking = new StringBuilder();
    private Usage total = Usage.ZERO;
    private long used;
    private int waits;
    private int calls;

    private ForcedChain(Session session, GenerationRequest base, Settings settings) {
        this.session = session;
        this.settings = settings;
        this.base = base;
        this.family = settings.family().orElseGet(() -> ModelFamily.guess(base.model()));
    }

    /**
     * Runs one chain on the conversation and model of {@code base}; empty when not even the first call could be made
     * (budget, deadline, failure).
     */
    static Optional<Outcome> run(Session session, GenerationRequest base, Settings settings, String source) {
        ForcedChain c = new ForcedChain(session, base, settings);
        ThinkRoute route = settings.route() == ThinkRoute.AUTO
                ? (session.budgetsThinking() ? ThinkRoute.PROVIDER : session.canComplete() ? ThinkRoute.COMPLETIONS : ThinkRoute.CHAT_FOLLOW_UP)
                : settings.route();
        Optional<String> answer = switch (route) {
            case AUTO, COMPLETIONS -> c.viaCompletions();
            case CHAT_PREFIX -> c.viaPrefix();
            case CHAT_FOLLOW_UP -> c.viaFollowUp();
            case PROVIDER -> c.viaProvider();
        };
        if (c.calls > 0) {
            session.annotate(List.of(ThinkRoute.NOTE + route.label(), "thinking tokens: " + c.used, "waits: " + c.waits,
                    c.reached() ? "reached the budget" : "stopped before the budget"));
        }
        return answer.map(a -> new Outcome(session.addSample(a, c.thinking.toString(), c.total, source), c.used, c.waits, c.reached()));
    }

    private boolean reached() { return used >= settings.budget() - settings.budget() / 20; }

    private int left() { return (int) Math.max(1, settings.budget() - used); }

    /** After a step: true to think on (the chain stopped early and may still be extended). */
    private boolean extend() {
        trimTrailing();
        if (reached() || waits == settings.maxWaits()) return false;
        thinking.append('\n').append(family.extension());
        waits++;
        return true;
    }

    private void trimTrailing() {
        int end = thinking.length();
        while (end > 0 && Character.isWhitespace(thinking.charAt(end - 1))) end--;
        thinking.setLength(end);
    }

    private Optional<Sample> step(List<Sample> got) {
        if (got.isEmpty()) return Optional.empty();
        Sample s = got.getFirst();
        calls++;
        total = total.plus(s.usage());
        return Optional.of(s);
    }

    private Optional<String> viaCompletions() {
        String prompt = family.prompt(base.messages());
        Map<String, Object> extra = passThrough(Map.of());
        do {
            var r = new CompletionRequest(base.model(), prompt + thinking, 1, Optional.of(left()), family.thinkStop(), extra);
            Optional<Sample> s = step(session.complete(r, "think", true));
            if (s.isEmpty()) break;
            used += s.get().usage().outputTokens();
            thinking.append(s.get().text());
        } while (extend());
        if (calls == 0) return Optional.empty();
        var r = new CompletionRequest(base.model(), prompt + thinking + family.endThinking(), 1, Optional.of(ANSWER_TOKENS), List.of(), extra);
        return Optional.of(step(session.complete(r, "answer", false)).map(s -> s.text().strip()).orElse(""));
    }

    private Optional<String> viaPrefix() {
        Map<String, Object> extra = passThrough(Map.of("continue_final_message", true, "add_generation_prompt", false));
        Map<String, Object> thinkExtra = new LinkedHashMap<>(extra);
        thinkExtra.put("stop", family.thinkStop());
        do {
            Optional<Sample> s = step(session.draw(prefixed("", left(), thinkExtra), "think", true));
            if (s.isEmpty()) break;
            used += s.get().usage().outputTokens();
            thinking.append(s.get().reasoning()).append(s.get().text());
        } while (extend());
        if (calls == 0) return Optional.empty();
        return Optional.of(step(session.draw(prefixed(family.endThinking(), ANSWER_TOKENS, extra), "answer", false))
                .map(s -> s.text().strip()).orElse(""));
    }

    private GenerationRequest prefixed(String end, int cap, Map<String, Object> extra) {
        List<Message> ms = new ArrayList<>(base.messages());
        ms.add(Message.assistant(family.thinkOpen() + thinking + end));
        return new GenerationRequest(base.model(), ms, 1, Optional.of(cap), base.problemId(), extra);
    }

    private Optional<String> viaFollowUp() {
        List<Message> convo = new ArrayList<>(base.messages());
        Map<String, Object> extra = passThrough(Map.of());
        String answer = "";
        while (true) {
            var r = new GenerationRequest(base.model(), convo, 1, Optional.of(left()), base.problemId(), extra);
            Optional<Sample> s = step(session.draw(r, "think", false));
            if (s.isEmpty()) break;
            used += s.get().usage().reasoningTokens();
            if (!thinking.isEmpty()) thinking.append('\n').append(family.extension()).append('\n');
            thinking.append(s.get().reasoning());
            answer = s.get().text().strip();
            if (answer.isEmpty() || reached() || waits == settings.maxWaits()) break;
            convo.add(Message.assistant(answer));
            convo.add(Message.user(family.extension() + FOLLOW_UP_WAIT));
            waits++;
        }
        if (calls == 0) return Optional.empty();
        if (!answer.isEmpty() && !reached()) return Optional.of(answer);
        convo.add(Message.assistant(thinkingOfLastTurn(answer)));
        convo.add(Message.user(ANSWER_NOW));
        var r = new GenerationRequest(base.model(), convo, 1, Optional.of(ANSWER_TOKENS), base.problemId(), passThrough(family.noThinking()));
        return Optional.of(step(session.draw(r, "answer", false)).map(x -> x.text().strip()).orElse(""));
    }

    private Optional<String> viaProvider() {
        int t = settings.budget();
        Map<String, Object> extra = passThrough(Map.of("thinking", Map.of("type", "enabled", "budget_tokens", t)));
        var r = new GenerationRequest(base.model(), base.messages(), 1, Optional.of(t + ANSWER_TOKENS), base.problemId(), extra);
        return step(session.draw(r, "think", false)).map(s -> {
            used = s.usage().reasoningTokens();
            thinking.append(s.reasoning());
            return s.text().strip();
        });
    }

    private String thinkingOfLastTurn(String answer) {
        int at = thinking.lastIndexOf("\n" + family.extension() + "\n");
        String last = at < 0 ? thinking.toString() : thinking.substring(at + family.extension().length() + 2);
        return answer.isEmpty() ? last : last + "\n" + answer;
    }

    /** The base request's extra fields without its own token caps (the chain sets them), plus {@code more}. */
    private Map<String, Object> passThrough(Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>(base.extra());
        m.remove("max_tokens");
        m.remove("max_completion_tokens");
        m.putAll(more);
        return m;
    }
}
