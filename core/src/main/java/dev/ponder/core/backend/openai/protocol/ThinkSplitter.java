package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.backend.Delta.Channel;
import dev.ponder.core.backend.openai.ThinkTags;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text with inline thinking ({@code <think>...</think>}) into answer and reasoning pieces, fed in arbitrary
 * chunks: a chunk ending in what may be the start of a tag is held back until the next chunk decides it.
 */
final class ThinkSplitter {
    record Piece(Channel channel, String text) { }

    private final ThinkTags tags;
    private boolean thinking;
    private String pending = "";

    ThinkSplitter(ThinkTags tags) { this.tags = tags; }

    List<Piece> feed(String text) {
        List<Piece> out = new ArrayList<>();
        String buf = pending + text;
        while (true) {
            String tag = thinking ? tags.close() : tags.open();
            int at = buf.indexOf(tag);
            if (at >= 0) {
                emit(out, buf.substring(0, at));
                buf = buf.substring(at + tag.length());
                thinking = !thinking;
                continue;
            }
            int keep = partialTagSuffix(buf, tag);
            emit(out, buf.substring(0, buf.length() - keep));
            pending = buf.substring(buf.length() - keep);
            return out;
        }
    }

    /** What was held back, at the end of the text. */
    List<Piece> finish() {
        List<Piece> out = new ArrayList<>();
        emit(out, pending);
        pending = "";
        return out;
    }

    private void emit(List<Piece> out, String s) {
        if (!s.isEmpty()) out.add(new Piece(thinking ? Channel.REASONING : Channel.CONTENT, s));
    }

    private static int partialTagSuffix(String buf, String tag) {
        for (int k = Math.min(buf.length(), tag.length() - 1); k > 0; k--) {
            if (buf.endsWith(tag.substring(0, k))) return k;
        }
        return 0;
    }
}
