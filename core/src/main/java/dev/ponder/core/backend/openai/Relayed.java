package dev.ponder.core.backend.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import java.io.IOException;
import java.util.List;

/**
 * A relayed chat completion: the upstream's response body as it wrote it, its choices accounted as generations
 * (tokens, dollars, latency; estimated when the server reported no usage), after {@code attempts} tries.
 */
public final class Relayed {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();
    private static final com.fasterxml.jackson.core.io.JsonStringEncoder QUOTE = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
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
            if (scan.ponder || (extra.has("usage") && scan.usage) || extra.size() > (extra.has("usage") ? 1 : 0) + (extra.has("ponder") ? 1 : 0)) {
                return asTree(id, model, extra); // rare shapes: edit the tree
            }
            Bytes out = new Bytes(body.length + 512);
            int at = 0;
            boolean idFirst = scan.id != null && (scan.model == null || scan.id.start() < scan.model.start());
            CompletionScan.Span first = idFirst ? scan.id : scan.model;
            CompletionScan.Span second = idFirst ? scan.model : scan.id;
            for (CompletionScan.Span s : new CompletionScan.Span[] {first, second}) {
                if (s == null) continue;
                out.write(body, at, s.start() - at);
                quoted(out, s == scan.id ? id : model);
                at = s.end();
            }
            out.write(body, at, scan.close - at);
            boolean comma = scan.fields > 0;
            if (scan.id == null) comma = field(out, comma, "id", id);
            if (scan.model == null) comma = field(out, comma, "model", model);
            // the extra fields written once, as an object whose braces are dropped
            byte[] more = JSON.writeValueAsBytes(extra);
            if (more.length > 2) {
                if (comma) out.write(',');
                out.write(more, 1, more.length - 2);
            }
            out.write(body, scan.close, body.length - scan.close);
            return out.toByteArray();
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the relayed answer: " + e.getMessage(), e);
        }
    }

    private static void quoted(Bytes out, String s) {
        out.write('"');
        out.writeBytes(QUOTE.quoteAsUTF8(s));
        out.write('"');
    }

    private static boolean field(Bytes out, boolean comma, String name, String value) {
        if (comma) out.write(',');
        quoted(out, name);
        out.write(':');
        quoted(out, value);
        return true;
    }

    /** A growable byte buffer without ByteArrayOutputStream's locking (one thread writes it). */
    private static final class Bytes {
        private byte[] buf;
        private int size;

        Bytes(int capacity) { buf = new byte[capacity]; }

        void write(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void writeBytes(byte[] b) { write(b, 0, b.length); }

        byte[] toByteArray() { return java.util.Arrays.copyOf(buf, size); }

        private void room(int n) {
            if (size + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
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
