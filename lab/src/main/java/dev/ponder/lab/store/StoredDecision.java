package dev.ponder.lab.store;

/** A step a strategy took on a problem: a draw of {@code samples} samples, or its final decision, with details. */
public record StoredDecision(int seq, String kind, int samples, String detail) {}
