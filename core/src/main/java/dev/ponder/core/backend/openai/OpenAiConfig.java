package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How to reach and call an OpenAI-compatible server. {@code baseUrl} is the API root as the OpenAI SDKs take it
 * ({@code https://api.openai.com/v1}, {@code http://localhost:8000/v1}); paths such as {@code /chat/completions} are
 * appended. {@code modelNames} maps Ponder model names to upstream ones; {@code defaultModel} is used when a request
 * names none. Backoff between retries is "full jitter": a uniform wait in [0, min(cap, base * 2^retry)), unless the
 * server sent Retry-After, which is honoured up to {@code maxRetryAfter} (a longer one fails at once, carrying it).
 * {@code extraBody} fields go into every request body (a request's own extra fields win). {@code proxy} is the HTTP
 * proxy selector, the JVM's default when empty. Build with {@link #builder}.
 */
public record OpenAiConfig(URI baseUrl, Optional<ApiKey> apiKey, Optional<String> defaultModel,
                           Map<String, String> modelNames, Duration connectTimeout, Duration requestTimeout,
                           int maxRetries, Duration backoffBase, Duration backoffCap, Duration maxRetryAfter,
                           RandomGenerator random, Sleeper sleeper, InstantSource clock, NParameter nParameter,
                           MaxTokensField maxTokensField, Map<String, Object> extraBody, PriceCatalogue prices,
                           int defaultMaxTokens, Optional<ThinkTags> thinkTags, Optional<ProxySelector> proxy) {

    /** Body fields the backend sets itself; extra fields may not override them. */
    static final Set<String> RESERVED = Set.of("model", "messages", "prompt", "n", "stream", "stream_options");

    public OpenAiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = String.valueOf(baseUrl.getScheme());
        if ((!scheme.equals("http") && !scheme.equals("https")) || baseUrl.getHost() == null) {
            throw PonderException.invalid("base URL must be an http(s) URL such as http://localhost:8000/v1, was \"%s\"", baseUrl);
        }
        String s = baseUrl.toString();
        if (s.endsWith("/")) baseUrl = URI.create(s.substring(0, s.length() - 1));
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(defaultModel, "defaultModel");
        modelNames = Map.copyOf(modelNames);
        positive(connectTimeout, "connect timeout");
        positive(requestTimeout, "request timeout");
        if (maxRetries < 0) throw new IllegalArgumentException("max retries must be >= 0, was " + maxRetries);
        positive(backoffBase, "backoff base");
        positive(backoffCap, "backoff cap");
        if (backoffCap.compareTo(backoffBase) < 0)
            throw new IllegalArgumentException("backoff cap " + backoffCap + " is below the backoff base " + backoffBase);
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nParameter, "nParameter");
        Objects.requireNonNull(maxTokensField, "maxTokensField");
        extraBody = Map.copyOf(extraBody);
        checkExtra(extraBody, "extra body fields of the configuration");
        Objects.requireNonNull(prices, "prices");
        if (defaultMaxTokens < 1) throw new IllegalArgumentException("default max tokens must be >= 1, was " + defaultMaxTokens);
        Objects.requireNonNull(thinkTags, "thinkTags");
        Objects.requireNonNull(proxy, "proxy");
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be > 0, was " + d);
    }

    /** Refuses extra body fields that the backend sets itself (model, messages, prompt, n, stream, stream_options). */
    public static void checkExtra(Map<String, Object> extra, String where) {
        for (String k : extra.keySet()) {
            if (RESERVED.contains(k)) throw PonderException.invalid("%s: \"%s\" is set by the backend and cannot be passed through", where, k);
        }
    }

    /** The upstream name of a Ponder model name (the default model for a blank one). */
    public String upstreamModel(String model) {
        String m = model.isBlank() ? defaultModel.orElseThrow(() -> PonderException.invalid(
                "no model given: name one in the request or set a default model for %s", baseUrl)) : model;
        return modelNames.getOrDefault(m, m);
    }

    /** The price of a Ponder model name: the catalogue's for its upstream name, else for the name itself, else free. */
    public Price priceOf(String model) {
        String upstream = upstreamModel(model);
        return prices.find(upstream).or(() -> prices.find(model)).orElse(Price.FREE);
    }

    public static Builder builder(String baseUrl) { return new Builder(URI.create(baseUrl)); }

    public static Builder builder(URI baseUrl) { return new Builder(baseUrl); }

    /** Defaults: no key, 10 s connect, 10 min request, 3 retries, backoff 0.5 s..8 s, Retry-After up to 60 s. */
    public static final class Builder {
        private final URI baseUrl;
        private Optional<ApiKey> apiKey = Optional.empty();
        private Optional<String> defaultModel = Optional.empty();
        private final Map<String, String> modelNames = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private int maxRetries = 3;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffCap = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private RandomGenerator random = new SplittableRandom();
        private Sleeper sleeper = Sleeper.system();
        private InstantSource clock = InstantSource.system();
        private NParameter nParameter = NParameter.AUTO;
        private MaxTokensField maxTokensField = MaxTokensField.AUTO;
        private final Map<String, Object> extraBody = new LinkedHashMap<>();
        private PriceCatalogue prices = PriceCatalogue.shipped();
        private int defaultMaxTokens = 4096;
        private Optional<ThinkTags> thinkTags = Optional.empty();
        private Optional<ProxySelector> proxy = Optional.empty();

        private Builder(URI baseUrl) { this.baseUrl = baseUrl; }

        public Builder apiKey(ApiKey k) { apiKey = Optional.of(k); return this; }
        /** Reads the key from this variable when it is set, and sends none otherwise (local servers need none). */
        public Builder apiKeyFromEnvironmentIfSet(String variable) {
            String v = System.getenv(variable);
            apiKey = v == null || v.isBlank() ? Optional.empty() : Optional.of(ApiKey.fromEnv(variable));
            return this;
        }
        public Builder model(String m) { defaultModel = Optional.of(m); return this; }
        public Builder modelName(String ponderName, String upstreamName) { modelNames.put(ponderName, upstreamName); return this; }
        public Builder connectTimeout(Duration d) { connectTimeout = d; return this; }
        public Builder requestTimeout(Duration d) { requestTimeout = d; return this; }
        public Builder maxRetries(int r) { maxRetries = r; return this; }
        public Builder backoff(Duration base, Duration cap) { backoffBase = base; backoffCap = cap; return this; }
        public Builder maxRetryAfter(Duration d) { maxRetryAfter = d; return this; }
        public Builder random(RandomGenerator r) { random = r; return this; }
        public Builder sleeper(Sleeper s) { sleeper = s; return this; }
        public Builder clock(InstantSource c) { clock = c; return this; }
        public Builder nParameter(NParameter p) { nParameter = p; return this; }
        public Builder maxTokensField(MaxTokensField f) { maxTokensField = f; return this; }
        public Builder extra(String field, Object value) { extraBody.put(field, value); return this; }
        public Builder reasoning(Reasoning r) { extraBody.putAll(r.asExtra()); return this; }
        public Builder prices(PriceCatalogue p) { prices = p; return this; }
        public Builder defaultMaxTokens(int t) { defaultMaxTokens = t; return this; }
        public Builder thinkTags(ThinkTags t) { thinkTags = Optional.of(t); return this; }
        /** The HTTP proxies to go through; unset, the JVM's default selector (-Dhttps.proxyHost, java.net.useSystemProxies). */
        public Builder proxy(ProxySelector p) { proxy = Optional.of(p); return this; }

        public OpenAiConfig build() {
            return new OpenAiConfig(baseUrl, apiKey, defaultModel, modelNames, connectTimeout, requestTimeout, maxRetries,
                    backoffBase, backoffCap, maxRetryAfter, random, sleeper, clock, nParameter, maxTokensField, extraBody,
                    prices, defaultMaxTokens, thinkTags, proxy);
        }
    }
}
