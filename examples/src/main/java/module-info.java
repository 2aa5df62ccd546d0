/**
 * Runnable examples of the library's API: programs, so nothing is exported. LangChain4j's AiServices reflects on the
 * example's assistant interface, hence the one open package.
 */
module dev.ponder.examples {
    requires dev.ponder.core;
    requires dev.ponder.lab;
    requires dev.ponder.langchain4j;
    requires dev.ponder.sandbox;
    requires langchain4j;
    requires langchain4j.embeddings.all.minilm.l6.v2.q;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;

    opens dev.ponder.examples to langchain4j;
}
