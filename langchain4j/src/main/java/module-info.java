/**
 * Ponder as a LangChain4j chat model. Its API is LangChain4j's interfaces, hence {@code requires transitive} on
 * langchain4j-core, which ships no descriptor (an automatic module).
 */
@SuppressWarnings("requires-transitive-automatic")
module dev.ponder.langchain4j {
    requires transitive dev.ponder.core;
    requires transitive langchain4j.core;

    exports dev.ponder.langchain4j;
}
