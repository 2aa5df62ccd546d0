package dev.ponder.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ponder.core.backend.openai.protocol.ChatMessages;
import dev.ponder.core.model.ToolCall;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes the fake server's answers in the OpenAI wire format. */
final class FakeWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWriter() { }

    /** Thrown to drop the connection without finishing the response. */
    static final class StreamCut extends RuntimeException {
        StreamCut(String message) { super(message, null, false, false); }
    }

    /** One choice after stop and max_tokens: its parts, its calls (none once it was cut) and why it ended. */
    record Done(String reasoning, String content, List<ToolCall> calls, String finish) {
        int tokens() {
            int n = FakeTokens.count(reasoning) + FakeTokens.count(content);
            for (ToolCall c : calls) n += 1 + FakeTokens.count(c.arguments());
            return n;
        }
    }

    static Done generate(FakeOutput o, FakeRequest r) {
        String reasoning = r.chat() ? o.reasoning() : "";
        String content = o.content();
        String finish = "stop";
        int cut = -1;
        for (String s : r.stop()) {
            int at = content.indexOf(s);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        if (cut >= 0) content = content.substring(0, cut);
        if (r.maxTokens().isPresent()) {
            int max = r.maxTokens().getAsInt();
            int rw = FakeTokens.count(reasoning);
            if (rw > max) {
                reasoning = FakeTokens.first(reasoning, max);
                content = "";
                finish = "length";
            } else if (rw + FakeTokens.count(content) > max) {
                content = FakeTokens.first(content, max - rw);
                finish = "length";
            }
        }
        boolean calls = !o.calls().isEmpty() && finish.equals("stop") && r.chat();
        return new Done(reasoning, content, calls ? o.calls() : List.of(), calls ? "tool_calls" : finish);
    }

    static void error(HttpExchange ex, FakeReply.Error e) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("message", e.message()).put("type", e.status() >= 500 ? "server_error" : "invalid_request_error");
        if (!e.code().isEmpty()) err.put("code", e.code());
        e.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        byte[] b = JSON.writeValueAsBytes(body);
        ex.sendResponseHeaders(e.status(), b.length);
        ex.getResponseBody().write(b);
    }

    static void outputs(HttpExchange ex, FakeRequest r, FakeReply.Outputs o) throws IOException {
        List<Done> done = new ArrayList<>();
        for (FakeOutput out : o.outputs()) done.add(generate(out, r));
        if (r.stream()) {
            stream(ex, r, o, done);
            return;
        }
        ObjectNode body = header(r, r.chat() ? "chat.completion" : "text_completion");
        ArrayNode choices = body.putArray("choices");
        for (int i = 0; i < done.size(); i++) {
            ObjectNode c = choices.addObject().put("index", i);
            Done d = done.get(i);
            if (r.chat()) {
                ObjectNode m = c.putObject("message").put("role", "assistant").put("content", d.content());
                if (!d.reasoning().isEmpty()) m.put(o.style().reasoningField(), d.reasoning());
                if (!d.calls().isEmpty()) {
                    if (d.content().isEmpty()) m.putNull("content");
                    m.set("tool_calls", ChatMessages.calls(d.calls()));
                }
            } else {
                c.put("text", d.content());
            }
            c.put("finish_reason", d.finish());
        }
        body.set("usage", usage(r, done));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        byte[] b = JSON.writeValueAsBytes(body);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    private static void stream(HttpExchange ex, FakeRequest r, FakeReply.Outputs o, List<Done> done) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        FakeReply.StreamStyle style = o.style();
        if (style.comments()) write(out, ": keep-alive\n\n");
        String kind = r.chat() ? "chat.completion.chunk" : "text_completion";
        if (r.chat()) {
            for (int i = 0; i < done.size(); i++) {
                ObjectNode c = header(r, kind);
                choice(c, i).putObject("delta").put("role", "assistant").put("content", "");
                event(out, c, style);
            }
        }
        // one token per chunk, the choices interleaved as a batching server sends them
        List<List<String[]>> tokens = new ArrayList<>();
        for (Done d : done) {
            List<String[]> t = new ArrayList<>();
            for (String s : FakeTokens.split(d.reasoning())) t.add(new String[] {style.reasoningField(), s});
            for (String s : FakeTokens.split(d.content())) t.add(new String[] {"content", s});
            tokens.add(t);
        }
        int sent = 0;
        int longest = tokens.stream().mapToInt(List::size).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (int i = 0; i < tokens.size(); i++) {
                if (step >= tokens.get(i).size()) continue;
                if (o.cutAfterChunks().isPresent() && sent == o.cutAfterChunks().getAsInt()) {
                    out.flush();
                    throw new StreamCut("fake server: stream cut after " + sent + " chunks, as scripted");
                }
                String[] tok = tokens.get(i).get(step);
                ObjectNode c = header(r, kind);
                ObjectNode choice = choice(c, i);
                if (r.chat()) choice.putObject("delta").put(tok[0], tok[1]);
                else choice.put("text", tok[1]);
                choice.putNull("finish_reason");
                event(out, c, style);
                sent++;
                o.onChunk().accept(sent);
                if (style.comments() && sent % 7 == 0) write(out, ": ping\n\n");
            }
        }
        if (o.cutAfterChunks().isPresent()) {
            out.flush();
            throw new StreamCut("fake server: stream cut before the finish chunks, as scripted");
        }
        for (int i = 0; i < done.size(); i++) toolCalls(out, r, kind, i, done.get(i).calls(), style);
        for (int i = 0; i < done.size(); i++) {
            ObjectNode c = header(r, kind);
            ObjectNode choice = choice(c, i);
            if (r.chat()) choice.putObject("delta");
            else choice.put("text", "");
            choice.put("finish_reason", done.get(i).finish());
            event(out, c, style);
        }
        if (r.includeUsage()) {
            ObjectNode c = header(r, kind);
            c.putArray("choices");
            c.set("usage", usage(r, done));
            event(out, c, style);
        }
        write(out, "data: [DONE]\n\n");
    }

    /** A choice's calls as OpenAI streams them: the id and name first, then the arguments in pieces of a few characters. */
    private static void toolCalls(OutputStream out, FakeRequest r, String kind, int index, List<ToolCall> calls, FakeReply.StreamStyle style)
            throws IOException {
        for (int j = 0; j < calls.size(); j++) {
            ToolCall call = calls.get(j);
            ObjectNode c = header(r, kind);
            ObjectNode first = choice(c, index).putObject("delta").putArray("tool_calls").addObject().put("index", j).put("id", call.id())
                    .put("type", "function");
            first.putObject("function").put("name", call.name()).put("arguments", "");
            event(out, c, style);
            for (String piece : pieces(call.arguments())) {
                ObjectNode p = header(r, kind);
                choice(p, index).putObject("delta").putArray("tool_calls").addObject().put("index", j).putObject("function").put("arguments", piece);
                event(out, p, style);
            }
        }
    }

    /** Text in pieces of at most 5 characters, as a model streams a call's arguments. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (int at = 0; at < text.length(); at += 5) out.add(text.substring(at, Math.min(text.length(), at + 5)));
        return out;
    }

    private static ObjectNode choice(ObjectNode chunk, int index) {
        return chunk.putArray("choices").addObject().put("index", index);
    }

    private static ObjectNode header(FakeRequest r, String object) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", "fake-" + r.seq()).put("object", object).put("created", 1_700_000_000L).put("model", r.model());
        return b;
    }

    private static ObjectNode usage(FakeRequest r, List<Done> done) {
        int prompt = FakeTokens.count(r.allPromptText());
        int completion = 0;
        int reasoning = 0;
        for (Done d : done) {
            completion += d.tokens();
            reasoning += FakeTokens.count(d.reasoning());
        }
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
        u.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
        return u;
    }

    private static void event(OutputStream out, ObjectNode chunk, FakeReply.StreamStyle style) throws IOException {
        String json = style.multiLineData() ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(chunk) : JSON.writeValueAsString(chunk);
        StringBuilder b = new StringBuilder();
        json.lines().forEach(l -> b.append("data: ").append(l).append('\n'));
        write(out, b.append('\n').toString());
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
