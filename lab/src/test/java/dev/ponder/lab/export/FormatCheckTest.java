package dev.ponder.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatCheckTest {
    private static final String U = "{\"role\":\"user\",\"content\":\"q\"}";
    private static final String A = "{\"role\":\"assistant\",\"content\":\"a\"}";
    private static final String S = "{\"role\":\"system\",\"content\":\"s\"}";

    private static Optional<String> chat(String line) { return FormatCheck.problem(line, Optional.of(FormatCheck.Kind.CHAT)); }

    private static Optional<String> pref(String line) { return FormatCheck.problem(line, Optional.of(FormatCheck.Kind.PREFERENCE)); }

    @Test
    void well_formed_chat_and_preference_lines_pass() {
        assertThat(chat("{\"messages\":[" + U + "," + A + "]}")).isEmpty();
        assertThat(chat("{\"messages\":[" + S + "," + U + "," + A + "," + U + "," + A + "],\"metadata\":{\"run\":\"r\",\"sample\":3}}")).isEmpty();
        assertThat(chat("{\"messages\":[" + U + ",{\"role\":\"assistant\",\"content\":\"a\",\"weight\":0}]}")).isEmpty();
        assertThat(pref("{\"prompt\":[" + S + "," + U + "],\"chosen\":[" + A + "],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CHAT|{\"messages\":[]}| messages must be a non-empty array of messages",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}| messages: the last message is from the user; it must be from the assistant",
        "CHAT|{\"messages\":[{\"role\":\"bot\",\"content\":\"q\"}]}| messages[0]: role \"bot\" is not one of system, user, assistant",
        "CHAT|{\"messages\":[{\"content\":\"q\"}]}| messages[0]: role missing is not one of system, user, assistant",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\" \"},{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[0]: content is empty",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":7},{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[0]: content must be a string",
        "CHAT|{\"messages\":[{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[0]: role \"assistant\" where \"user\" is due",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[1]: a system message may only come first",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\",\"name\":\"x\"},{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[0]: unknown key \"name\"",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\",\"weight\":1},{\"role\":\"assistant\",\"content\":\"a\"}]}| messages[0]: weight must be 0 or 1, on an assistant message",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}],\"id\":1}| unknown key \"id\"",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}],\"metadata\":\"x\"}| metadata must be an object",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]} {}| not valid JSON",
        "CHAT|{\"messages\":[{\"role\":\"user\",\"content\":\"q\",\"content\":\"r\"},{\"role\":\"assistant\",\"content\":\"a\"}]}| not valid JSON: Duplicate field 'content'",
        "CHAT|[1]| not a JSON object",
        "CHAT|{\"text\":\"hello\"}| neither a chat line (messages) nor a preference line",
        "CHAT|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}| a preference pairs (prompt, chosen, rejected) line in a file of chat fine-tuning (messages)",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}]}| missing \"rejected\"",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"x\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}| prompt: the last message is from the assistant; it must be from the user",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}| chosen must be an array of exactly one assistant message",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"user\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}]}| chosen[0]: role \"user\"; it must be \"assistant\"",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"\"}]}| rejected[0]: content is empty",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"a\"}]}| chosen and rejected are the same completion",
        "PREFERENCE|{\"prompt\":[{\"role\":\"user\",\"content\":\"q\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"a\"}],\"rejected\":[{\"role\":\"assistant\",\"content\":\"b\"}],\"score\":1}| unknown key \"score\"",
    })
    void each_rule_names_what_is_wrong(FormatCheck.Kind kind, String line, String expected) {
        assertThat(FormatCheck.problem(line, Optional.of(kind))).hasValueSatisfying(p -> assertThat(p).startsWith(expected.strip()));
    }

    @Test
    void a_file_reports_each_bad_line_by_number_and_takes_its_kind_from_the_first_line(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.jsonl");
        String ok = "{\"messages\":[" + U + "," + A + "]}";
        Files.writeString(f, ok + "\n\n" + ok + "\n{\"messages\":[" + U + "]}\n");
        FormatCheck.Report r = FormatCheck.check(f);
        assertThat(r.kind()).contains(FormatCheck.Kind.CHAT);
        assertThat(r.lines()).isEqualTo(4);
        assertThat(r.issues()).extracting(FormatCheck.Issue::line).containsExactly(2L, 4L);
        assertThat(r.issues().getFirst().problem()).startsWith("blank line");
        assertThat(r.notes()).singleElement().asString().contains("at least 10 examples");
    }

    @Test
    void an_empty_file_and_a_file_that_is_not_utf8_are_invalid(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("e.jsonl"), "");
        assertThat(FormatCheck.check(empty).issues()).singleElement().extracting(FormatCheck.Issue::problem).asString().contains("empty");
        Path latin = Files.write(dir.resolve("l.jsonl"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}', '\n'});
        // one issue, on the line that holds the bad byte: the file is not also called empty
        FormatCheck.Report r = FormatCheck.check(latin);
        assertThat(r.issues()).singleElement().isEqualTo(new FormatCheck.Issue(1, "not UTF-8 text (the lines after it are not checked)"));
        assertThat(r.lines()).isEqualTo(1);
    }

    @Test
    void a_byte_order_mark_is_named_and_the_line_still_sets_the_kind(@TempDir Path dir) throws Exception {
        String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n";
        Path bom = Files.writeString(dir.resolve("b.jsonl"), "\uFEFF" + chat + chat);
        FormatCheck.Report r = FormatCheck.check(bom);
        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.problem()).contains("byte order mark");
        });
        assertThat(r.kind()).contains(FormatCheck.Kind.CHAT);
    }
}
