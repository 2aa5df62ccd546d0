package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.route.Choice;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Router;
import dev.ponder.lab.outcome.OutcomeReader;
import dev.ponder.lab.route.RouterModel;
import java.nio.file.Path;
// end: imports

/**
 * A router trained on past outcomes (docs/router.md), from code: train it (what {@code ponder route train} does), load
 * the file and ask it for a tier. {@code main} takes an outcome folder (outcomes.csv and queries.jsonl) and a question.
 */
public final class RouterExample {

    public static void main(String[] args) {
        Path model = Path.of(args.length > 2 ? args[2] : "router.json");
        RouterModel.train(OutcomeReader.read(Path.of(args[0])).table(), "length-keyword", 1, model);
        System.out.println(choose(model, args[1]).tier());
    }

    /** The tier the router at {@code file} picks for {@code question}, trading quality for cost at lambda 20. */
    public static Choice choose(Path file, String question) {
        // snippet: choose
        RouterModel model = RouterModel.load(file);                     // a file from ponder route train
        Router router = model.router();                                 // dev.ponder.core.route
        Choice c = router.choose(question, new Knob.Lambda(20));        // or a calibrated minilm router's new Knob.TargetCost(0.001)
        c.tier();   // e.g. single:zero-one-ai/Yi-34B-Chat
        // end: choose
        return c;
    }

    private RouterExample() {}
}
