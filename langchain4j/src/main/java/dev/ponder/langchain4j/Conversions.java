package dev.ponder.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.output.TokenUsage;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** LangChain4j messages and token usage to Ponder's and back. Only text travels; images and audio are refused. */
final class Conversions {
    private Conversions() {}

    static List<Message> toPonder(List<ChatMessage> messages) {
        List<Message> out = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            out.add(switch (m) {
                case SystemMessage s -> Message.system(s.text());
                case UserMessage u -> Message.user(text(u));
                case AiMessage a -> {
                    if (a.hasToolExecutionRequests()) throw unsupported("assistant messages with tool calls");
                    yield Message.assistant(a.text() == null ? "" : a.text());
                }
                case ToolExecutionResultMessage t -> new Message("tool", t.text());
                default -> throw unsupported("messages of type " + m.type());
            });
        }
        return out;
    }

    static List<ChatMessage> toLangChain(List<Message> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            out.add(switch (m.role()) {
                case "system" -> SystemMessage.from(m.content());
                case "user" -> UserMessage.from(m.content());
                case "assistant" -> AiMessage.from(m.content());
                default -> throw new PonderException(PonderException.Kind.INVALID_INPUT,
                        "LangChain4j backend: cannot send a \"" + m.role() + "\" message (system, user and assistant only)");
            });
        }
        return out;
    }

    private static String text(UserMessage u) {
        StringBuilder b = new StringBuilder();
        for (Content c : u.contents()) {
            if (!(c instanceof TextContent t)) throw unsupported("user messages with " + c.type() + " content");
            if (!b.isEmpty()) b.append('\n');
            b.append(t.text());
        }
        return b.toString();
    }

    static UnsupportedFeatureException unsupported(String what) {
        return new UnsupportedFeatureException("Ponder's chat model takes text only; it cannot take " + what);
    }

    /** A Ponder usage as LangChain4j token usage, dollars included. */
    static PonderTokenUsage tokenUsage(Usage u, int samples) {
        return new PonderTokenUsage(clamp(u.inputTokens()), clamp(u.outputTokens()), clamp(u.reasoningTokens()), u.dollars(), samples);
    }

    /** A LangChain4j token usage (any field may be null) as a Ponder usage, without dollars. */
    static Usage fromTokenUsage(TokenUsage t, Duration latency) {
        if (t == null) return new Usage(0, 0, 0, 0, latency);
        long in = t.inputTokenCount() == null ? 0 : t.inputTokenCount();
        long out = t.outputTokenCount() == null
                ? (t.totalTokenCount() == null ? 0 : Math.max(0, t.totalTokenCount() - in)) : t.outputTokenCount();
        return new Usage(in, out, 0, 0, latency);
    }

    private static int clamp(long v) { return (int) Math.min(Integer.MAX_VALUE, v); }
}
