package dev.ponder.lab.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.StopReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static ProblemOutcome right(String id) {
        return new ProblemOutcome(id, "42", true, 1, 10, 0, 0.001, StopReason.DONE, Optional.empty(), Optional.empty());
    }

    private static ProblemOutcome failed(String id, PonderException.Kind kind) {
        return new ProblemOutcome(id, "", false, 0, 0, 0, 0, StopReason.FAILED, Optional.of(new Failure(kind, "it broke")), Optional.empty());
    }

    @Test
    void failed_problems_are_counted_apart_and_accuracy_is_over_the_rest() {
        Summary s = Summary.of("single", List.of(right("a"), right("b"), failed("c", PonderException.Kind.RATE_LIMITED),
                failed("d", PonderException.Kind.UNAUTHORIZED), failed("e", PonderException.Kind.RATE_LIMITED)));
        assertThat(s.problems()).isEqualTo(5);
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.accuracy()).isEqualTo(1.0);
        assertThat(s.failures()).containsEntry("RATE_LIMITED", 2).containsEntry("UNAUTHORIZED", 1);
        assertThat(s.failureExample()).hasValue("RATE_LIMITED: it broke");
        assertThat(s.samplesPerProblem()).as("spend is over every problem").isEqualTo(2 / 5.0);
        assertThat(s.allFailed()).isFalse();
    }

    @Test
    void with_every_problem_failed_there_is_no_accuracy_and_json_says_null() {
        Summary s = Summary.of("single", List.of(failed("a", PonderException.Kind.UPSTREAM_UNAVAILABLE)));
        assertThat(s.allFailed()).isTrue();
        assertThat(s.accuracy()).isNaN();
        var json = new ObjectMapper().registerModule(new Jdk8Module()).valueToTree(s);
        assertThat(json.path("accuracy").isNull()).isTrue();
        assertThat(json.path("ci_low").isNull()).isTrue();
        assertThat(json.path("failed").asInt()).isEqualTo(1);
    }

    @Test
    void a_failure_reads_back_from_its_written_form() {
        Failure f = new Failure(PonderException.Kind.TIMEOUT, "took: too long");
        assertThat(Failure.parse(f.written())).hasValue(f);
        assertThat(Failure.parse("a message from an older store")).hasValueSatisfying(g -> assertThat(g.message()).isEqualTo("a message from an older store"));
        assertThat(Failure.parse("")).isEmpty();
    }
}
