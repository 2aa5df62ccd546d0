package dev.ponder.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;

/** Ponder's error kinds and LangChain4j's exception tree, mapped in one place each way; the cause is always kept. */
final class ErrorMapping {
    private ErrorMapping() {}

    /** What a LangChain4j caller expects from a failed chat: the retriable branch for retriable kinds. */
    static RuntimeException toLangChain(RuntimeException e) {
        if (!(e instanceof PonderException p)) return e;
        String msg = p.getMessage();
        return switch (p.kind()) {
            case RATE_LIMITED -> new RateLimitException(msg, p);
            case TIMEOUT -> new TimeoutException(msg, p);
            case UPSTREAM_UNAVAILABLE, STREAM_BROKEN -> p.retriable() ? new RetriableException(msg, p) : new InternalServerException(msg, p);
            case INVALID_INPUT -> new InvalidRequestException(msg, p);
            case UNAUTHORIZED, FORBIDDEN -> new AuthenticationException(msg, p);
            case NOT_FOUND -> new ModelNotFoundException(msg, p);
            case BAD_UPSTREAM_RESPONSE, INTERNAL -> new InternalServerException(msg, p);
            case BUDGET_EXCEEDED, SAMPLES_EXHAUSTED -> new NonRetriableException(msg, p);
        };
    }

    /** What a Ponder strategy expects from a failed backend call: a kind that says whether retrying helps. */
    static PonderException toPonder(RuntimeException e, String backend) {
        if (e instanceof PonderException p) return p;
        String msg = backend + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
        Kind kind = switch (e) {
            case RateLimitException r -> Kind.RATE_LIMITED;
            case TimeoutException t -> Kind.TIMEOUT;
            case AuthenticationException a -> Kind.UNAUTHORIZED;
            case ModelNotFoundException m -> Kind.NOT_FOUND;
            case InvalidRequestException i -> Kind.INVALID_INPUT;
            case UnsupportedFeatureException u -> Kind.INVALID_INPUT;
            case RetriableException r -> Kind.UPSTREAM_UNAVAILABLE; // InternalServerException included
            case LangChain4jException l -> Kind.BAD_UPSTREAM_RESPONSE;
            default -> Kind.INTERNAL;
        };
        return new PonderException(kind, msg, e);
    }
}
