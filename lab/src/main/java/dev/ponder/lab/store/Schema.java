package dev.ponder.lab.store;

import java.util.List;

/**
 * The sample store's tables (documented for SQL users in docs/lab.md). Every row is written once; nothing is
 * updated or deleted. A unit of work, one configuration on one problem, is one row of {@code outcomes} with its
 * {@code samples} and {@code decisions}, written in one transaction; the primary key of {@code outcomes} is the
 * resume key.
 */
final class Schema {
    private Schema() {}

    static final List<String> TABLES = List.of("runs", "configs", "problems", "outcomes", "samples", "decisions");

    static final List<String> DDL = List.of("""
            CREATE TABLE IF NOT EXISTS runs (
              run_id VARCHAR PRIMARY KEY, plan_name VARCHAR NOT NULL, plan_file VARCHAR NOT NULL,
              plan_hash VARCHAR NOT NULL, plan_text VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS configs (
              run_id VARCHAR NOT NULL, config_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
              source VARCHAR NOT NULL, source_kind VARCHAR NOT NULL, domain VARCHAR NOT NULL,
              backend VARCHAR NOT NULL, model VARCHAR NOT NULL, strategy VARCHAR NOT NULL, budget VARCHAR NOT NULL,
              seed BIGINT NOT NULL, price_input DOUBLE NOT NULL, price_output DOUBLE NOT NULL,
              PRIMARY KEY (run_id, config_id))""", """
            CREATE TABLE IF NOT EXISTS problems (
              run_id VARCHAR NOT NULL, source VARCHAR NOT NULL, problem_id VARCHAR NOT NULL,
              question VARCHAR NOT NULL, reference VARCHAR NOT NULL,
              PRIMARY KEY (run_id, source, problem_id))""", """
            CREATE TABLE IF NOT EXISTS outcomes (
              run_id VARCHAR NOT NULL, config_id VARCHAR NOT NULL, problem_id VARCHAR NOT NULL,
              answer VARCHAR NOT NULL, correct BOOLEAN NOT NULL, samples INTEGER NOT NULL,
              input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL,
              dollars DOUBLE NOT NULL, latency_ms DOUBLE NOT NULL, stop VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
              error VARCHAR, finished_at TIMESTAMP NOT NULL,
              PRIMARY KEY (run_id, config_id, problem_id))""", """
            CREATE TABLE IF NOT EXISTS samples (
              run_id VARCHAR NOT NULL, config_id VARCHAR NOT NULL, problem_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
              text VARCHAR NOT NULL, reasoning VARCHAR NOT NULL, answer VARCHAR NOT NULL, verdict BOOLEAN, score DOUBLE,
              input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL,
              dollars DOUBLE NOT NULL, latency_ms DOUBLE NOT NULL,
              PRIMARY KEY (run_id, config_id, problem_id, idx))""", """
            CREATE TABLE IF NOT EXISTS decisions (
              run_id VARCHAR NOT NULL, config_id VARCHAR NOT NULL, problem_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
              kind VARCHAR NOT NULL, samples INTEGER NOT NULL, detail VARCHAR NOT NULL,
              PRIMARY KEY (run_id, config_id, problem_id, seq))""");
}
