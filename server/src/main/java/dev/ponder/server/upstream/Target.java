package dev.ponder.server.upstream;

import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.URI;
import java.util.IdentityHashMap;

/**
 * What a request to {@code uri} needs from it: the pool key, the request target and the Host header. A backend
 * posts to the same few URI instances, so they are worked out once per event loop.
 */
record Target(String server, String path, AsciiString host) {
    private static final FastThreadLocal<IdentityHashMap<URI, Target>> KNOWN = new FastThreadLocal<>() {
        @Override
        protected IdentityHashMap<URI, Target> initialValue() { return new IdentityHashMap<>(); }
    };

    static Target of(URI uri) {
        var known = KNOWN.get();
        Target t = known.get(uri);
        if (t != null) return t;
        t = new Target(server(uri), (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                AsciiString.of(uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost()));
        if (known.size() < 64) known.put(uri, t); // URIs made per call are not kept
        return t;
    }

    /** The pool key: scheme, host and port. */
    static String server(URI uri) { return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri); }

    static int port(URI uri) {
        if (uri.getPort() > 0) return uri.getPort();
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
