package dev.ponder.lab.export;

/** What an acceptance rule says of one sample: a training example, the losing side of a preference pair, or neither. */
enum Label { ACCEPTED, REJECTED, UNJUDGED }
