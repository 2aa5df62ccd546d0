package dev.ponder.lab.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the conversations in a training line (docs/export.md), the common ground of OpenAI's chat
 * fine-tuning format and TRL's conversational formats: roles {@code system}, {@code user}, {@code assistant}; a
 * system message only first; then user and assistant alternating, starting with the user; content a non-blank
 * string; message keys {@code role}, {@code content} and OpenAI's {@code weight} (0 or 1, on an assistant message).
 * A chat line ends with an assistant message, the completion it trains on. A preference line's prompt ends with the
 * user; {@code chosen} and {@code rejected} are each one assistant message, and they differ.
 */
final class Conversation {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "weight");

    private Conversation() {}

    static Optional<String> chat(JsonNode line) {
        return unknownKey(line, Set.of("messages", "metadata"), "a chat line holds messages and, optionally, metadata")
                .or(() -> turns(line.get("messages"), "messages", "assistant"));
    }

    static Optional<String> preference(JsonNode line) {
        for (String f : new String[] {"prompt", "chosen", "rejected"}) {
            if (!line.has(f)) return Optional.of("missing \"" + f + "\" (a preference line holds prompt, chosen and rejected)");
        }
        return unknownKey(line, Set.of("prompt", "chosen", "rejected", "metadata"), "a preference line holds prompt, chosen, rejected and, optionally, metadata")
                .or(() -> turns(line.get("prompt"), "prompt", "user"))
                .or(() -> completion(line.get("chosen"), "chosen"))
                .or(() -> completion(line.get("rejected"), "rejected"))
                .or(() -> line.at("/chosen/0/content").equals(line.at("/rejected/0/content"))
                        ? Optional.of("chosen and rejected are the same completion") : Optional.empty());
    }

    private static Optional<String> turns(JsonNode messages, String field, String lastRole) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) return Optional.of(field + " must be a non-empty array of messages");
        String due = "user";
        for (int i = 0; i < messages.size(); i++) {
            String where = field + "[" + i + "]";
            Optional<String> bad = message(messages.get(i), where);
            if (bad.isPresent()) return bad;
            String role = messages.get(i).get("role").asText();
            if (role.equals("system")) {
                if (i > 0) return Optional.of(where + ": a system message may only come first");
                continue;
            }
            if (!role.equals(due)) {
                return Optional.of(where + ": role \"" + role + "\" where \"" + due + "\" is due (after an optional system message, user and assistant alternate, starting with user)");
            }
            due = due.equals("user") ? "assistant" : "user";
        }
        String last = messages.get(messages.size() - 1).get("role").asText();
        return last.equals(lastRole) ? Optional.empty()
                : Optional.of(field + ": the last message is from the " + last + "; it must be from the " + lastRole);
    }

    private static Optional<String> completion(JsonNode messages, String field) {
        if (messages == null || !messages.isArray() || messages.size() != 1) return Optional.of(field + " must be an array of exactly one assistant message");
        Optional<String> bad = message(messages.get(0), field + "[0]");
        if (bad.isPresent()) return bad;
        String role = messages.get(0).get("role").asText();
        return role.equals("assistant") ? Optional.empty() : Optional.of(field + "[0]: role \"" + role + "\"; it must be \"assistant\"");
    }

    private static Optional<String> message(JsonNode m, String where) {
        if (!m.isObject()) return Optional.of(where + ": not an object");
        Optional<String> unknown = unknownKey(m, MESSAGE_KEYS, "a message holds role and content");
        if (unknown.isPresent()) return Optional.of(where + ": " + unknown.get());
        JsonNode role = m.get("role"), content = m.get("content"), weight = m.get("weight");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            return Optional.of(where + ": role " + (role == null ? "missing" : role.toString()) + " is not one of system, user, assistant");
        }
        if (content == null || !content.isTextual()) return Optional.of(where + ": content must be a string");
        if (content.asText().isBlank()) return Optional.of(where + ": content is empty");
        if (weight != null && !(role.asText().equals("assistant") && weight.isIntegralNumber() && (weight.asInt() == 0 || weight.asInt() == 1))) {
            return Optional.of(where + ": weight must be 0 or 1, on an assistant message");
        }
        return Optional.empty();
    }

    private static Optional<String> unknownKey(JsonNode n, Set<String> allowed, String rule) {
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) return Optional.of("unknown key \"" + k + "\" (" + rule + ")");
        }
        return Optional.empty();
    }
}
