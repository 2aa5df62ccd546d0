package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Progress;
import dev.ponder.core.SolveListener;
import dev.ponder.core.Solution;
import dev.ponder.core.backend.openai.OpenAiConfig;
import java.util.List;
// end: imports
import java.io.PrintStream;

/**
 * The library in a few lines against a live OpenAI-compatible server (docs/library.md): vote@5 with a $0.01 budget per
 * question, asynchronously, streamed, and a batch. {@code main} talks to OpenAI (set OPENAI_API_KEY) or to the base URL
 * given as the first argument (vLLM, llama.cpp, Ollama: {@code http://localhost:8000/v1}); the tests point it at a fake
 * server on loopback.
 */
public final class LiveQuickstart {

    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "https://api.openai.com/v1", System.out);
    }

    /** Returns the vote@5 solution. */
    public static Solution run(String baseUrl, PrintStream out) {
        // snippet: engine
        Ponder ponder = Ponder.builder()
                .openAi("gpt-4o-mini", OpenAiConfig.builder(baseUrl)   // e.g. https://api.openai.com/v1; any OpenAI-compatible server
                        .apiKeyFromEnvironmentIfSet("OPENAI_API_KEY").build())   // the engine makes the client and closes it
                .defaultPolicy(Policy.vote(5).withAnswer("number"))
                .seed(42)
                .build();

        Solution s = ponder.solve("A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total?",
                Policy.parse("vote@5:gpt-4o-mini").withAnswer("number").withBudgetDollars(0.01));
        out.printf("%s (confidence %.2f, %d samples, $%.6f)%n", s.answer(), s.confidence(), s.sampleCount(), s.dollars());
        // end: engine

        // snippet: more
        ponder.solveAsync("What is 6 x 7?", Policy.vote(5))                       // on a virtual thread
                .thenAccept(sol -> out.println("async: " + sol.answer())).join();
        ponder.stream("What is 6 x 7?", Policy.adaptive(), new SolveListener() {  // progress, then the answer
            @Override public void onProgress(Progress p) { out.println(p.line()); }   // "3 samples, vote 42 (2/3), $0.000410"
            @Override public void onSolution(Solution sol) { out.println("streamed: " + sol.answer()); }
        }).join();
        List<Solution> batch = ponder.solveAll(List.of("What is 6 x 7?", "What is 2 + 2?"), Policy.optimal(3));   // 3 per question on average
        ponder.close();   // waits for solves in flight, then closes the client it made (or: try (Ponder ponder = ...) { })
        // end: more
        out.println("batch: " + batch.stream().map(Solution::answer).toList());
        return s;
    }

    private LiveQuickstart() {}
}
