package dev.ponder.server.chat;

import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;

/** A request as it enters the pipeline, read and authenticated: who asks, what, its trace id and when it arrived. */
record Arrival(Caller caller, ChatRequest request, String traceId, long startedNanos) {}
