package dev.ponder.lab.route;

import java.util.Locale;

/** The learned predictors the trainer chooses among by validation. */
sealed interface Candidate {

    String name();

    /** k nearest neighbours by cosine similarity; success is the neighbours' mean score shrunk toward the tier mean. */
    record Knn(int k) implements Candidate {
        public Knn {
            if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
        }

        @Override
        public String name() {
            return "knn@" + k;
        }
    }

    /** One L2-regularised logistic model per tier on the embedding. */
    record Logistic(double l2) implements Candidate {
        @Override
        public String name() {
            return "logistic@" + String.format(Locale.ROOT, "%g", l2);
        }
    }

    /** The mean of a kNN and a logistic prediction. */
    record Blend(Knn knn, Logistic logistic) implements Candidate {
        @Override
        public String name() {
            return "blend(" + knn.name() + "," + logistic.name() + ")";
        }
    }

    static Candidate parse(String name) {
        if (name.startsWith("knn@")) return new Knn(Integer.parseInt(name.substring(4)));
        if (name.startsWith("logistic@")) return new Logistic(Double.parseDouble(name.substring(9)));
        if (name.startsWith("blend(") && name.endsWith(")")) {
            String[] parts = name.substring(6, name.length() - 1).split(",");
            return new Blend((Knn) parse(parts[0]), (Logistic) parse(parts[1]));
        }
        throw new IllegalArgumentException("unknown predictor '" + name + "' (knn@K, logistic@L2, blend(knn@K,logistic@L2))");
    }
}
