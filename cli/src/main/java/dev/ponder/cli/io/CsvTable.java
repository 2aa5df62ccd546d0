package dev.ponder.cli.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.ponder.core.error.PonderException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSV file with a header row, read with jackson-dataformat-csv. Errors name the file, the line and the column:
 * a missing column lists the columns found; a bad number says file:line.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One data row and its 1-based line in the file. */
    public record Row(long line, List<String> cells) {}

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static CsvTable read(Path file) {
        if (Files.isDirectory(file)) throw new PonderException(PonderException.Kind.INVALID_INPUT, file + " is a folder, expected a CSV file");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(file.toFile())) {
            while (it.hasNext()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] cells = it.next();
                if (header == null) {
                    header = Arrays.asList(cells);
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) continue;
                rows.add(new Row(line, Arrays.asList(cells)));
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "file not found: " + file);
        } catch (IOException | RuntimeException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, file + ": not readable as CSV: " + e.getMessage(), e);
        }
        if (header == null) throw new PonderException(PonderException.Kind.INVALID_INPUT, file + ": empty file, expected a header row");
        return new CsvTable(file, header, rows);
    }

    /** The index of a required column. */
    public int column(String name) {
        return findColumn(name).orElseThrow(() -> new PonderException(PonderException.Kind.INVALID_INPUT,
                file + ": no column \"" + name + "\" (columns found: " + String.join(", ", header) + ")"));
    }

    public Optional<Integer> findColumn(String name) {
        int i = header.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    public String text(Row row, int column) {
        return column < row.cells().size() ? row.cells().get(column) : "";
    }

    /** A required number. */
    public double number(Row row, int column) {
        String s = text(row, column);
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, file + ":" + row.line() + ": column \""
                    + header.get(column) + "\": not a number: \"" + s + "\"");
        }
    }

    /** An optional number: empty when the cell is blank. */
    public Optional<Double> optionalNumber(Row row, int column) {
        return text(row, column).isBlank() ? Optional.empty() : Optional.of(number(row, column));
    }

    /** A boolean cell: true/false, 1/0, yes/no (blank is false). */
    public boolean flag(Row row, int column) {
        String s = text(row, column).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes", "y", "t" -> true;
            case "false", "0", "no", "n", "f", "" -> false;
            default -> throw new PonderException(PonderException.Kind.INVALID_INPUT, file + ":" + row.line()
                    + ": column \"" + header.get(column) + "\": expected true or false, got \"" + text(row, column) + "\"");
        };
    }
}
