/**
 * The engine: policies, strategies, backends, answers and verifiers. The packages exported to everyone are the
 * library's API; the qualified ones are plumbing that only the named sibling modules share.
 *
 * <p>OpenTelemetry's jars are automatic modules (named in their manifests, stable since 1.0); requiring them
 * transitively is what lets a user's module pass its OpenTelemetry instance in without naming them again.
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.ponder.core {
    requires transitive dev.ponder.stats;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires hipparchus.core;
    requires transitive java.net.http;
    // the library takes an OpenTelemetry instance (Ponder.Builder.telemetry), so its API is part of ours
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;

    exports dev.ponder.core;
    exports dev.ponder.core.answer;
    exports dev.ponder.core.backend;
    exports dev.ponder.core.backend.anthropic;
    exports dev.ponder.core.backend.openai;
    exports dev.ponder.core.bank;
    exports dev.ponder.core.budget;
    exports dev.ponder.core.calibrate;
    exports dev.ponder.core.confidence;
    exports dev.ponder.core.error;
    exports dev.ponder.core.model;
    exports dev.ponder.core.route;
    exports dev.ponder.core.strategy;
    exports dev.ponder.core.strategy.stop;
    exports dev.ponder.core.trace;
    exports dev.ponder.core.verify;
    exports dev.ponder.core.verify.java;

    exports dev.ponder.core.backend.openai.protocol to dev.ponder.server;
    exports dev.ponder.core.json to dev.ponder.lab, dev.ponder.server, dev.ponder.cli;
    exports dev.ponder.core.ratelimit to dev.ponder.lab, dev.ponder.server;
    exports dev.ponder.core.telemetry to dev.ponder.lab, dev.ponder.server, dev.ponder.cli;

    // calibration files are records bound by Jackson
    opens dev.ponder.core.calibrate to com.fasterxml.jackson.databind;
}
