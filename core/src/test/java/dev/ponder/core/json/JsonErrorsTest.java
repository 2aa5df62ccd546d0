package dev.ponder.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_truncated_object_is_said_without_jacksons_source_marker() {
        var e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree("{\"problem_id\": \"a\", \"answer\""));
        assertThat(JsonErrors.what(e)).startsWith("Unexpected end-of-input").doesNotContain("[Source", "REDACTED", "start marker");
    }

    @Test
    void a_mistyped_field_names_what_was_expected_and_found() {
        record Row(int n) {}
        var e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue("{\"n\": \"x\"}", Row.class));
        assertThat(JsonErrors.what(e)).isEqualTo("expected a whole number, found 'x'");
    }

    @Test
    void a_leading_byte_order_mark_is_stripped_and_nothing_else() {
        assertThat(JsonErrors.stripBom("\uFEFF{}")).isEqualTo("{}");
        assertThat(JsonErrors.stripBom("{}")).isEqualTo("{}");
        assertThat(JsonErrors.stripBom("")).isEmpty();
    }
}
