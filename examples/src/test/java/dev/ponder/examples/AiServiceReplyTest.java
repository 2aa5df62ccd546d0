package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.service.AiServices;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.backend.Backend;
import dev.ponder.langchain4j.PonderChatModel;
import org.junit.jupiter.api.Test;

/** AI services with typed results get the bare voted answer when the model replies with the answer only. */
class AiServiceReplyTest {

    interface Calculator {
        long compute(String question);
    }

    @Test
    void a_service_returning_a_number_gets_the_majority_answer() {
        Backend mostly42 = Backend.scripted().script(i -> i % 3 == 2 ? "I think it is 41." : "So the total is 42.").build();
        Ponder ponder = Ponder.builder().backend("m", mostly42).build();
        Calculator calc = AiServices.create(Calculator.class, PonderChatModel.builder().engine(ponder)
                .policy(Policy.vote(5).withAnswer("number")).reply(PonderChatModel.Reply.ANSWER).build());
        assertThat(calc.compute("What is 6 x 7?")).isEqualTo(42L);
    }
}
