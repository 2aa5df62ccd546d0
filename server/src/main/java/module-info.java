/** The OpenAI-compatible proxy on Netty: its configuration and the server are what the command line starts. */
module dev.ponder.server {
    requires transitive dev.ponder.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires java.sql;
    // the ledger's JDBC driver, found by its postgres:// URL
    requires org.postgresql.jdbc;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;
    // OTLP export of the proxy's (and ponder run's) traces
    requires io.opentelemetry.sdk;
    requires io.opentelemetry.sdk.common;
    requires io.opentelemetry.sdk.trace;
    requires io.opentelemetry.exporter.otlp;

    exports dev.ponder.server to dev.ponder.cli;
    exports dev.ponder.server.config to dev.ponder.cli;
    exports dev.ponder.server.telemetry to dev.ponder.cli;

    // the proxy's configuration file is bound to records by Jackson
    opens dev.ponder.server.config to com.fasterxml.jackson.databind;
}
