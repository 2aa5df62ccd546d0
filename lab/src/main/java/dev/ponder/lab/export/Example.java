package dev.ponder.lab.export;

import dev.ponder.core.model.Problem;

/** A sample chosen for a training file, with its problem and where it came from. */
record Example(Origin origin, Problem problem, Draw draw) {}
