package dev.ponder.lab.export;

/** A preference pair on one problem: an accepted sample and a rejected one. */
record Pair(Example chosen, Example rejected) {}
