package dev.ponder.cli.run;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.eval.Sampling;
import dev.ponder.lab.live.LiveClients;
import dev.ponder.lab.live.LiveEndpoint;
import dev.ponder.lab.problems.ProblemSet;
import dev.ponder.lab.problems.ProblemSetReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the sources of {@code ponder run --bank/--problems} from its options. */
final class Sources {
    private Sources() {}

    /** What the options say about reading answers and ordering samples, shared by every source of a run. */
    record Reading(Optional<String> backend, Optional<String> extractor, String answers, String order, long seed,
                   Optional<Integer> limit, int concurrency) {
        Reading {
            limit.ifPresent(l -> {
                if (l < 1) throw PonderException.invalid("--limit must be >= 1, was %d", l);
            });
            if (concurrency < 1 || concurrency > 1024) throw PonderException.invalid("--concurrency must be in [1, 1024], was %d", concurrency);
            extractor.ifPresent(e -> {
                if (!AnswerExtractor.NAMES.contains(e)) throw PonderException.invalid("--extractor \"%s\" is unknown; known: %s", e, AnswerExtractor.NAMES);
            });
        }

        Optional<Long> replaySeed() {
            return switch (order) {
                case "shuffled" -> Optional.of(seed);
                case "recorded" -> Optional.empty();
                default -> throw PonderException.invalid("--order must be shuffled or recorded, was \"%s\"", order);
            };
        }

        List<Problem> limited(List<Problem> ps) { return limit.map(l -> ps.subList(0, Math.min(l, ps.size()))).orElse(ps); }
    }

    static RunSource bank(Path dir, Reading r, PriceCatalogue catalogue) {
        if (r.backend().isPresent() && !r.backend().get().equals("replay")) {
            throw PonderException.invalid("--bank replays recorded samples; --backend %s goes with --problems", r.backend().get());
        }
        Optional<Long> rs = r.replaySeed();
        Bank bank = BankReader.read(dir);
        if (bank.problems().isEmpty()) throw PonderException.invalid("bank %s has no problems that could be read", dir);
        String kind = bank.answerKind() + " " + bank.domain();
        AnswerChoice ac = AnswerChoice.of(r.answers(), r.extractor(), kind);
        return new RunSource(bank.name(), "bank", bank.model(), r.limited(bank.problems()), bank.maxSamplesPerProblem(), bank.hasCost(),
                bank.issues(), () -> Backend.replay(bank, rs, catalogue), ac.extractor(), Verifier.forKind(kind), ac.recorded(), r.concurrency(), Sampling.DEFAULT);
    }

    static RunSource problems(Path file, Reading r, LiveEndpoint endpoint, LiveClients clients, String model, Sampling sampling,
                           boolean completions, PriceCatalogue catalogue) {
        String b = r.backend().orElse("openai");
        if (LiveEndpoint.Api.ofKind(b).isEmpty()) {
            throw PonderException.invalid("--problems needs a live backend: --backend openai or --backend anthropic (was \"%s\")", b);
        }
        ProblemSet set = ProblemSetReader.read(file);
        if (set.problems().isEmpty()) throw PonderException.invalid("problem set %s has no problems that could be read", file);
        AnswerExtractor ex = AnswerChoice.of(r.answers(), r.extractor(), set.answerKind()).extractor();
        return new RunSource(set.name(), "problems", model, r.limited(set.problems()), 64, true, set.issues(),
                () -> clients.open(endpoint, model, catalogue, r.seed(), completions), ex, Verifier.forKind(set.answerKind()), false, r.concurrency(), sampling);
    }
}
