package dev.ponder.core.backend.openai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Delta.Channel;
import dev.ponder.core.backend.openai.ThinkTags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkSplitterTest {
    private static String[] split(List<String> chunks) {
        ThinkSplitter s = new ThinkSplitter(ThinkTags.THINK);
        List<ThinkSplitter.Piece> pieces = new ArrayList<>();
        for (String c : chunks) pieces.addAll(s.feed(c));
        pieces.addAll(s.finish());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (ThinkSplitter.Piece p : pieces) (p.channel() == Channel.REASONING ? reasoning : content).append(p.text());
        return new String[] {reasoning.toString(), content.toString()};
    }

    @Test
    void separates_thinking_wherever_the_chunks_break_the_tags() {
        String text = "pre <think>a < b, so</think> the answer is <b>2</b>";
        for (int cut1 = 0; cut1 <= text.length(); cut1++) {
            for (int cut2 = cut1; cut2 <= text.length(); cut2 += 3) {
                String[] r = split(List.of(text.substring(0, cut1), text.substring(cut1, cut2), text.substring(cut2)));
                assertThat(r[0]).as("cuts %d %d", cut1, cut2).isEqualTo("a < b, so");
                assertThat(r[1]).as("cuts %d %d", cut1, cut2).isEqualTo("pre  the answer is <b>2</b>");
            }
        }
    }

    @Test
    void an_unclosed_think_stays_reasoning_and_a_dangling_partial_tag_is_kept_as_text() {
        assertThat(split(List.of("<think>still going"))).containsExactly("still going", "");
        assertThat(split(List.of("x <thi"))).containsExactly("", "x <thi");
    }
}
