package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.json.BadField;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the proxy (or a lab run) sends OpenTelemetry traces: a collector's OTLP/HTTP {@code endpoint} (its base URL,
 * {@code http://localhost:4318}, to which {@code /v1/traces} is added; a URL already ending so is kept), the
 * {@code headers} each export carries (a vendor's API key), the {@code service.name} of the resource, and the share
 * of traces kept ({@code sampling_ratio}, 1.0 by default: a client's {@code traceparent} that says sampled or not
 * is followed).
 */
public record TelemetryConfig(URI endpoint, Map<String, String> headers, String serviceName, double samplingRatio) {
    public static final String DEFAULT_SERVICE = "ponder";
    /** The standard variable that turns exporting on where no config says where to. */
    public static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private static final String TRACES = "/v1/traces";

    public TelemetryConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new BadField("endpoint", "must be an http:// or https:// URL with a host, e.g. http://localhost:4318, was " + endpoint);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (serviceName == null || serviceName.isBlank()) throw new BadField("service_name", "must not be blank");
        if (!(samplingRatio >= 0 && samplingRatio <= 1)) throw new BadField("sampling_ratio", "must be a number in [0, 1], was " + samplingRatio);
    }

    /** Every trace, as service {@code ponder}, no headers. */
    public static TelemetryConfig of(URI endpoint) { return new TelemetryConfig(endpoint, Map.of(), DEFAULT_SERVICE, 1.0); }

    /** The same with another service name. */
    public TelemetryConfig withServiceName(String name) { return new TelemetryConfig(endpoint, headers, name, samplingRatio); }

    /** As the config file writes it. */
    @JsonCreator
    static TelemetryConfig read(@JsonProperty("endpoint") String endpoint, @JsonProperty("headers") Map<String, String> headers,
                                @JsonProperty("service_name") String serviceName, @JsonProperty("sampling_ratio") Double samplingRatio) {
        Checks.required("endpoint", endpoint, "is required: the collector's OTLP/HTTP URL, e.g. http://localhost:4318");
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new BadField("endpoint", "is not a URL: " + endpoint);
        }
        if (headers != null) headers.forEach((k, v) -> Checks.required("headers." + k, v, "must be a string"));
        return new TelemetryConfig(uri, headers == null ? Map.of() : headers, serviceName == null ? DEFAULT_SERVICE : serviceName,
                samplingRatio == null ? 1.0 : samplingRatio);
    }

    /**
     * The standard variables, for a proxy whose config has no {@code telemetry} section (or a lab run without
     * {@code --otlp}): on when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, with {@code OTEL_EXPORTER_OTLP_HEADERS}
     * ({@code k=v,k2=v2}, values URL-encoded) and {@code OTEL_SERVICE_NAME} when set. A bad endpoint is a
     * {@link BadField} whose field is {@value #ENDPOINT_VARIABLE}.
     */
    public static Optional<TelemetryConfig> fromEnvironment(Map<String, String> env) {
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) return Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        String h = env.getOrDefault("OTEL_EXPORTER_OTLP_HEADERS", "");
        for (String pair : h.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) headers.put(pair.substring(0, eq).strip(), URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8));
        }
        String service = env.getOrDefault("OTEL_SERVICE_NAME", DEFAULT_SERVICE);
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new BadField(ENDPOINT_VARIABLE, "is not a URL: " + endpoint);
        }
        try {
            return Optional.of(new TelemetryConfig(uri, headers, service.isBlank() ? DEFAULT_SERVICE : service, 1.0));
        } catch (BadField e) {
            throw new BadField(ENDPOINT_VARIABLE, e.getMessage());
        }
    }

    /** The URL spans are posted to: the endpoint with {@code /v1/traces} added, unless it ends so already. */
    public URI tracesUrl() {
        String s = endpoint.toString();
        if (s.endsWith(TRACES)) return endpoint;
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + TRACES);
    }
}
