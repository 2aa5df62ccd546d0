package dev.ponder.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on 127.0.0.1 (a free port) for tests: {@code POST /v1/traces} bodies are decoded as the
 * protobuf {@code ExportTraceServiceRequest} a collector gets, and every span is kept with its resource's attributes
 * and the request's headers. Tests flush their SDK before reading {@link #spans()}: an export completes when this
 * receiver has answered it, so nothing here waits.
 */
public final class OtlpReceiver implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

    /**
     * A span as it arrived: ids in lower-case hex ({@code parentSpanId} empty for a root), its kind ({@code SPAN_KIND_CLIENT}),
     * attributes (strings, longs, doubles, booleans, lists of them), status code ({@code STATUS_CODE_ERROR}) and message,
     * the resource's attributes and the instrumentation scope's name.
     */
    public record Received(String traceId, String spanId, String parentSpanId, String name, String kind, Map<String, Object> attributes,
                           String status, String statusMessage, Map<String, Object> resource, String scope, long startNanos, long endNanos) {
        public Object attribute(String key) { return attributes.get(key); }

        public boolean root() { return parentSpanId.isEmpty(); }
    }

    private OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static OtlpReceiver start() { return new OtlpReceiver(); }

    /** The collector's base URL, {@code http://127.0.0.1:PORT}, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it. */
    public String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** The traces endpoint, {@code http://127.0.0.1:PORT/v1/traces}. */
    public String tracesUrl() { return baseUrl() + "/v1/traces"; }

    /** Every span received so far, in arrival order. */
    public List<Received> spans() { return List.copyOf(spans); }

    /** The headers of every export request (lower-case names). */
    public List<Map<String, List<String>>> requestHeaders() { return List.copyOf(headers); }

    /** The one span named {@code name}; fails when there are none or several. */
    public Received only(String name) {
        List<Received> found = named(name);
        if (found.size() != 1) throw new AssertionError("expected one span named \"" + name + "\", got " + found.size() + " among " + names());
        return found.getFirst();
    }

    public List<Received> named(String name) { return spans().stream().filter(s -> s.name().equals(name)).toList(); }

    /** The children of {@code parent}, in arrival order. */
    public List<Received> children(Received parent) {
        return spans().stream().filter(s -> s.traceId().equals(parent.traceId()) && s.parentSpanId().equals(parent.spanId())).toList();
    }

    public Optional<Received> parent(Received child) {
        return spans().stream().filter(s -> s.traceId().equals(child.traceId()) && s.spanId().equals(child.parentSpanId())).findFirst();
    }

    public List<String> names() { return spans().stream().map(Received::name).toList(); }

    /**
     * The span tree as text, what the docs show: each trace's id (and the parent it names that was not received, a
     * client's span), then its spans in start order, children indented under their parent, each span's kind and
     * status, and under it the attributes whose keys start with one of {@code prefixes}, one a line. Span ids are left
     * out: they differ every run.
     */
    public String tree(List<String> prefixes) {
        StringBuilder b = new StringBuilder();
        List<Received> all = new ArrayList<>(spans());
        all.sort(Comparator.comparingLong(Received::startNanos));
        for (Received r : all) {
            if (!r.root() && all.stream().anyMatch(p -> p.spanId().equals(r.parentSpanId()))) continue;
            b.append("trace ").append(r.traceId()).append(r.root() ? "" : ", under span " + r.parentSpanId() + " (not received)").append('\n');
            tree(b, r, all, 0, prefixes);
        }
        return b.toString();
    }

    private static void tree(StringBuilder b, Received r, List<Received> all, int depth, List<String> prefixes) {
        String indent = "    ".repeat(depth);
        b.append(indent).append(r.name()).append("  (").append(r.kind().replace("SPAN_KIND_", "").toLowerCase(Locale.ROOT));
        if (r.status().equals("STATUS_CODE_ERROR")) b.append(", error: ").append(r.statusMessage());
        b.append(")\n");
        r.attributes().forEach((k, v) -> {
            if (prefixes.stream().anyMatch(k::startsWith)) b.append(indent).append("  | ").append(k).append(" = ").append(v).append('\n');
        });
        for (Received c : all) if (c.parentSpanId().equals(r.spanId())) tree(b, c, all, depth + 1, prefixes);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
                body = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            }
            Map<String, List<String>> h = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            headers.add(h);
            if (!ex.getRequestURI().getPath().equals("/v1/traces")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans rs : request.getResourceSpansList()) {
                Map<String, Object> resource = attributes(rs.getResource());
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span s : ss.getSpansList()) spans.add(received(s, resource, ss.getScope().getName()));
                }
            }
            byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            ex.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
            if (ok.length > 0) ex.getResponseBody().write(ok);
        }
    }

    private static Received received(Span s, Map<String, Object> resource, String scope) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (KeyValue kv : s.getAttributesList()) attrs.put(kv.getKey(), value(kv.getValue()));
        return new Received(HEX.formatHex(s.getTraceId().toByteArray()), HEX.formatHex(s.getSpanId().toByteArray()),
                HEX.formatHex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name(), attrs, s.getStatus().getCode().name(),
                s.getStatus().getMessage(), resource, scope, s.getStartTimeUnixNano(), s.getEndTimeUnixNano());
    }

    private static Map<String, Object> attributes(Resource r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (KeyValue kv : r.getAttributesList()) out.put(kv.getKey(), value(kv.getValue()));
        return out;
    }

    private static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BOOL_VALUE -> v.getBoolValue();
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
            default -> v.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
