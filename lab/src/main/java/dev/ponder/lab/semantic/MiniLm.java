package dev.ponder.lab.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Embedder;
import dev.ponder.core.answer.Grouping;
import java.util.List;

/**
 * The quantised all-MiniLM-L6-v2 sentence-embedding model (Reimers and Gurevych 2019) that ships inside the
 * langchain4j jar: nothing is downloaded at run time, and inference is deterministic. Loaded once, on first use.
 */
public final class MiniLm {
    /** The model's name, as reports and caches record it. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    /**
     * The cosine similarity at or above which two answers are grouped with this model. Chosen by
     * {@link ThresholdCalibration} on the paraphrase set {@code data/semantic/calibration.jsonl} (written for this; no
     * evaluation figure was looked at): the threshold whose simulated votes most often reply with the majority meaning,
     * 0.8125 of 640 in-sample, 0.7984 cross-fitted, against 0.6078 when only identical texts vote together.
     * {@code ponder bench semantic} reproduces it. MiniLM scores topic as much as meaning, so at this threshold about
     * half the pairs of contradicting answers on one topic are grouped too (and 82% of paraphrase pairs): the largest
     * group's medoid still tends to carry the majority meaning, but a group's share overstates agreement.
     */
    public static final double THRESHOLD = 0.58;

    private static final Embedder SHARED = new Embedder() {
        private AllMiniLmL6V2QuantizedEmbeddingModel model;

        @Override
        public synchronized List<float[]> embed(List<String> texts) {
            if (model == null) model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
            return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
        }
    };

    private MiniLm() {}

    /** The shared in-process model. */
    public static Embedder embedder() { return SHARED; }

    /** The answer kind {@code semantic} over this model at {@link #THRESHOLD}. */
    public static Grouping grouping() { return AnswerExtractor.semantic(SHARED, THRESHOLD); }
}
