package dev.ponder.lab.report;

import java.util.List;

/**
 * A chart as written: its file stem, title, the PNG bytes inlined in the page, and the table of numbers behind it
 * (header and rows), which the page prints under it.
 */
record Chart(String stem, String title, byte[] png, List<String> header, List<List<String>> rows) {}
