package dev.ponder.cli.io;

import dev.ponder.core.error.PonderException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows of a {@link CsvTable} to keep: {@code --where COLUMN=VALUE} style comparisons, and the boolean
 * columns of {@code --exclude-flag}. A column a filter names must exist in the file it filters.
 */
public sealed interface RowFilter {
    /** Whether the row is kept. */
    boolean keep(CsvTable table, CsvTable.Row row);

    /** {@code COLUMN=VALUE}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}; {@code flag} names the option in errors. */
    static RowFilter parse(String expression, String flag) {
        Matcher m = Pattern.compile("\\s*([^<>=!]+?)\\s*(!=|<=|>=|=|<|>)\\s*(.*?)\\s*").matcher(expression);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw PonderException.invalid("%s \"%s\": expected COLUMN=VALUE, COLUMN!=VALUE or COLUMN<NUMBER (also <=, >, >=)",
                    flag, expression);
        }
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            default -> Op.GE;
        };
        if (op != Op.EQ && op != Op.NE && number(m.group(3)) == null) {
            throw PonderException.invalid("%s \"%s\": \"%s\" is not a number", flag, expression, m.group(3));
        }
        return new Compare(m.group(1), op, m.group(3));
    }

    /** Rows whose {@code column} is true are dropped. */
    static RowFilter notFlagged(String column) { return new NotFlagged(column); }

    enum Op { EQ, NE, LT, LE, GT, GE }

    /** A comparison; = and != compare numbers as numbers (1 matches 1.0) and other text as text. */
    record Compare(String column, Op op, String value) implements RowFilter {
        @Override
        public boolean keep(CsvTable table, CsvTable.Row row) {
            int col = table.column(column);
            if (op == Op.EQ || op == Op.NE) {
                String cell = table.text(row, col);
                Double a = number(cell), b = number(value);
                boolean equal = (a != null && b != null) ? a.doubleValue() == b.doubleValue() : cell.equals(value);
                return equal == (op == Op.EQ);
            }
            double cell = table.number(row, col), v = number(value);
            return switch (op) {
                case LT -> cell < v;
                case LE -> cell <= v;
                case GT -> cell > v;
                case GE -> cell >= v;
                case EQ, NE -> throw new IllegalStateException("handled above");
            };
        }

        @Override
        public String toString() { return column + switch (op) {
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        } + value; }
    }

    /** Keeps the rows whose boolean {@code column} is false or blank. */
    record NotFlagged(String column) implements RowFilter {
        @Override
        public boolean keep(CsvTable table, CsvTable.Row row) { return !table.flag(row, table.column(column)); }
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
