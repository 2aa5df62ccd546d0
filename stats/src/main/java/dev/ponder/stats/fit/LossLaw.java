package dev.ponder.stats.fit;

/** A pretraining loss law: the loss of a model with N parameters trained on D tokens. */
public interface LossLaw {
    double loss(double n, double d);
}
