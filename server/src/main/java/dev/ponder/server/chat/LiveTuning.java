package dev.ponder.server.chat;

import dev.ponder.core.backend.Generation;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.trace.TraceJson;
import java.util.List;

/**
 * What the proxy learns from its own traffic for {@code adaptive}: each sample's confidence read against the model's
 * earlier ones (DeepConf's floor: a sample below it is dropped from the vote), and, once an engine request has been
 * answered, whether to draw it on to the full budget for the live calibration of its model's stopping rule.
 */
public interface LiveTuning {
    LiveTuning NONE = new LiveTuning() {
        @Override
        public List<Generation> adjust(String model, List<Generation> generations) { return generations; }

        @Override
        public void answered(Done done) { }
    };

    /** What an answered engine request did: who asked, its trace id, target, question and runs, the seed its runs used, its status. */
    record Done(Caller caller, String traceId, Catalog.Target target, ServedModel.Ask ask, List<TraceJson.Run> runs, long seed, int status) {}

    /** An {@code adaptive} call's generations on {@code model}, their confidences adjusted (the same list when nothing changes). */
    List<Generation> adjust(String model, List<Generation> generations);

    /** Called after the answer went out; must not block (start a virtual thread for what takes time). */
    void answered(Done done);
}
