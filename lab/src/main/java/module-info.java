/**
 * The lab: plans, runs and their store, reports, routers, exports and benchmarks. Outcome tables and routers are
 * API (the examples use them); the rest serves the command line only.
 */
module dev.ponder.lab {
    requires transitive dev.ponder.core;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires java.desktop;
    requires java.sql;
    requires duckdb.jdbc;
    requires org.knowm.xchart;
    requires langchain4j.core;
    requires langchain4j.embeddings;
    requires langchain4j.embeddings.all.minilm.l6.v2.q;
    requires org.yaml.snakeyaml;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.ponder.lab.outcome;
    exports dev.ponder.lab.route;

    exports dev.ponder.lab.bench to dev.ponder.cli;
    exports dev.ponder.lab.cost to dev.ponder.cli;
    exports dev.ponder.lab.eval to dev.ponder.cli;
    exports dev.ponder.lab.export to dev.ponder.cli;
    exports dev.ponder.lab.live to dev.ponder.cli;
    exports dev.ponder.lab.plan to dev.ponder.cli;
    exports dev.ponder.lab.problems to dev.ponder.cli;
    exports dev.ponder.lab.report to dev.ponder.cli;
    exports dev.ponder.lab.runner to dev.ponder.cli;
    exports dev.ponder.lab.semantic to dev.ponder.cli;
    exports dev.ponder.lab.store to dev.ponder.cli;

    // records that Jackson reads (plans, workloads) or writes (benchmark and evaluation reports, export lines)
    opens dev.ponder.lab.bench to com.fasterxml.jackson.databind;
    opens dev.ponder.lab.cost to com.fasterxml.jackson.databind;
    opens dev.ponder.lab.eval to com.fasterxml.jackson.databind;
    opens dev.ponder.lab.export to com.fasterxml.jackson.databind;
    opens dev.ponder.lab.plan to com.fasterxml.jackson.databind;
}
