// An OTLP/HTTP trace collector for the proxy benchmark's telemetry-on path: POST /v1/traces is read whole, its spans
// counted (a walk over the protobuf ExportTraceServiceRequest's length-delimited fields: resource_spans 1,
// scope_spans 2, spans 2) and answered 200 with an empty ExportTraceServiceResponse, as a collector that accepts
// everything would; GET /stats says how many exports, spans and bytes it took, so the run can show every request's
// spans arrived (a batch processor drops spans when its exporter falls behind). Run with the JDK's source launcher:
//   java bench/proxy/OtlpSink.java PORT
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public class OtlpSink {
    public static void main(String[] args) throws Exception {
        AtomicLong exports = new AtomicLong();
        AtomicLong spans = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 64);
        server.createContext("/v1/traces", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                long n = 0;
                for (int[] rs : fields(body, 0, body.length, 1)) {
                    for (int[] ss : fields(body, rs[0], rs[1], 2)) n += fields(body, ss[0], ss[1], 2).size();
                }
                spans.addAndGet(n);
                bytes.addAndGet(body.length);
                exports.incrementAndGet();
                ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.createContext("/stats", ex -> {
            byte[] body = ("exports " + exports.get() + ", spans " + spans.get() + ", bytes " + bytes.get() + "\n").getBytes(StandardCharsets.UTF_8);
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The length-delimited fields numbered {@code field} in {@code b[from, to)}, as {start, end} pairs. */
    static List<int[]> fields(byte[] b, int from, int to, int field) {
        List<int[]> out = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            long key = varint(b, at);
            switch ((int) (key & 7)) {
                case 0 -> varint(b, at);
                case 1 -> at[0] += 8;
                case 5 -> at[0] += 4;
                case 2 -> {
                    int len = (int) varint(b, at);
                    if (key >>> 3 == field) out.add(new int[] {at[0], at[0] + len});
                    at[0] += len;
                }
                default -> throw new IllegalArgumentException("protobuf wire type " + (key & 7) + " at byte " + at[0]);
            }
        }
        return out;
    }

    static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[at[0]++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) return v;
        }
    }
}
