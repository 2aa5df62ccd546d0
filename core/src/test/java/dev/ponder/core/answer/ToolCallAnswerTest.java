package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallAnswerTest {

    private static ToolCall call(String name, String args) { return new ToolCall("id-" + args.hashCode(), name, args); }

    @Test
    void key_order_white_space_and_number_spelling_do_not_matter() {
        String a = ToolCallAnswer.of(List.of(call("weather", "{\"city\": \"Paris\", \"days\": 2, \"unit\": {\"t\": \"C\", \"scale\": 1.0}}")));
        String b = ToolCallAnswer.of(List.of(call("weather", "{\"unit\":{\"scale\":1e0,\"t\":\"C\"},\"days\":2.00,\"city\":\"Paris\"}")));
        assertThat(a).isEqualTo(b).isEqualTo("weather({\"city\":\"Paris\",\"days\":2,\"unit\":{\"scale\":1,\"t\":\"C\"}})");
    }

    @Test
    void different_values_names_and_array_orders_differ() {
        String paris = ToolCallAnswer.of(List.of(call("weather", "{\"city\":\"Paris\"}")));
        assertThat(ToolCallAnswer.of(List.of(call("weather", "{\"city\":\"paris\"}")))).isNotEqualTo(paris);
        assertThat(ToolCallAnswer.of(List.of(call("forecast", "{\"city\":\"Paris\"}")))).isNotEqualTo(paris);
        assertThat(ToolCallAnswer.canonicalArguments("[1,2]")).isNotEqualTo(ToolCallAnswer.canonicalArguments("[2,1]"));
        assertThat(ToolCallAnswer.canonicalArguments("{\"n\":10}")).isNotEqualTo(ToolCallAnswer.canonicalArguments("{\"n\":1}"));
    }

    @Test
    void parallel_calls_in_another_order_are_the_same_turn() {
        ToolCall x = call("a", "{\"k\":1}");
        ToolCall y = call("b", "{}");
        assertThat(ToolCallAnswer.of(List.of(x, y))).isEqualTo(ToolCallAnswer.of(List.of(y, x))).isEqualTo("a({\"k\":1}); b({})");
    }

    @Test
    void arguments_that_are_not_json_stand_as_written_and_empty_ones_are_an_empty_object() {
        assertThat(ToolCallAnswer.canonicalArguments("  {\"city\": \"Par ")).isEqualTo("{\"city\": \"Par");
        assertThat(ToolCallAnswer.canonicalArguments(" ")).isEqualTo("{}");
        assertThat(ToolCallAnswer.canonicalArguments("{\"s\": \"a\\\"b\", \"z\": -0.0, \"t\": true, \"u\": null}"))
                .isEqualTo("{\"s\":\"a\\\"b\",\"t\":true,\"u\":null,\"z\":0}");
        assertThat(ToolCallAnswer.of(List.of())).isEmpty();
    }
}
