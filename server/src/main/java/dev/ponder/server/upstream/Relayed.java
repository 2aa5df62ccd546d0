package dev.ponder.server.upstream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A relayed chat completion: the upstream's response body as it wrote it, its choices accounted as generations
 * (tokens, dollars, latency; estimated when the server reported no usage), after {@code attempts} tries.
 */
public final class Relayed {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
    private final byte[] body;
    private final CompletionScan scan;
    private final List<Generation> generations;
    private final int attempts;

    Relayed(byte[] body, CompletionScan scan, List<Generation> generations, int attempts) {
        this.body = body;
        this.scan = scan;
        this.generations = List.copyOf(generations);
        this.attempts = attempts;
    }

    public List<Generation> generations() { return generations; }

    public int attempts() { return attempts; }

    /** The same answer, counted as {@code n} tries (a pool counts its failed upstreams' tries too). */
    public Relayed withAttempts(int n) { return new Relayed(body, scan, generations, n); }

    /** The whole call's usage: the sum over its choices. */
    public Usage usage() {
        Usage u = Usage.ZERO;
        for (Generation g : generations) u = u.plus(g.usage());
        return u;
    }

    /** Whether the upstream reported a usage object. */
    public boolean reportedUsage() { return scan.usage; }

    /**
     * The body for the client: the upstream's bytes with the top-level {@code id} and {@code model} values replaced
     * (added when missing) and {@code extra}'s fields appended (a field the upstream also sent is replaced). Everything
     * else passes through byte for byte.
     */
    public byte[] answer(String id, String model, ObjectNode extra) {
        try {
            if (scan.ponder || (extra.has("usage") && scan.usageField) || extra.size() > (extra.has("usage") ? 1 : 0) + (extra.has("ponder") ? 1 : 0)) {
                return asTree(id, model, extra); // rare shapes: edit the tree
            }
            // the extra fields written once, as an object whose braces are dropped
            byte[] more = JSON.writeValueAsBytes(extra);
            byte[] quotedId = QUOTE.quoteAsUTF8(id);
            byte[] quotedModel = QUOTE.quoteAsUTF8(model);
            Bytes count = new Bytes(null); // the first pass only measures, so the second writes into an array of the exact size
            splice(count, quotedId, quotedModel, more);
            Bytes out = new Bytes(new byte[count.size]);
            splice(out, quotedId, quotedModel, more);
            return out.buf;
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the relayed answer: " + e.getMessage(), e);
        }
    }

    private void splice(Bytes out, byte[] quotedId, byte[] quotedModel, byte[] more) {
        int at = 0;
        boolean idFirst = scan.id != null && (scan.model == null || scan.id.start() < scan.model.start());
        CompletionScan.Span first = idFirst ? scan.id : scan.model;
        CompletionScan.Span second = idFirst ? scan.model : scan.id;
        for (CompletionScan.Span s : new CompletionScan.Span[] {first, second}) {
            if (s == null) continue;
            out.write(body, at, s.start() - at);
            quoted(out, s == scan.id ? quotedId : quotedModel);
            at = s.end();
        }
        out.write(body, at, scan.close - at);
        boolean comma = scan.fields > 0;
        if (scan.id == null) comma = field(out, comma, ID, quotedId);
        if (scan.model == null) comma = field(out, comma, MODEL, quotedModel);
        if (more.length > 2) {
            if (comma) out.write(',');
            out.write(more, 1, more.length - 2);
        }
        out.write(body, scan.close, body.length - scan.close);
    }

    private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MODEL = "model".getBytes(StandardCharsets.US_ASCII);

    private static void quoted(Bytes out, byte[] escaped) {
        out.write('"');
        out.write(escaped, 0, escaped.length);
        out.write('"');
    }

    private static boolean field(Bytes out, boolean comma, byte[] name, byte[] escapedValue) {
        if (comma) out.write(',');
        quoted(out, name);
        out.write(':');
        quoted(out, escapedValue);
        return true;
    }

    /** Bytes written into an array sized beforehand, or (with none) only counted. One thread writes it. */
    private static final class Bytes {
        final byte[] buf;
        int size;

        Bytes(byte[] buf) { this.buf = buf; }

        void write(int b) {
            if (buf != null) buf[size] = (byte) b;
            size++;
        }

        void write(byte[] b, int off, int len) {
            if (buf != null) System.arraycopy(b, off, buf, size, len);
            size += len;
        }
    }

    private byte[] asTree(String id, String model, ObjectNode extra) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        tree.put("id", id);
        tree.put("model", model);
        tree.setAll(extra);
        return JSON.writeValueAsBytes(tree);
    }
}
