package dev.ponder.core.verify.game24;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates {@code + - * / ^} and parentheses over integers in exact rational arithmetic, collecting the integer
 * literals it meets. Hand-written (about 80 lines) rather than pulling in an expression library for five operators.
 */
final class RationalParser {

    record Result(Fraction value, List<Integer> numbers) {}

    private final String s;
    private final List<Integer> numbers = new ArrayList<>();
    private int pos;

    private RationalParser(String s) { this.s = s; }

    /** Throws IllegalArgumentException for syntax errors and ArithmeticException for division by zero. */
    static Result evaluate(String expression) {
        RationalParser p = new RationalParser(expression);
        Fraction value = p.expr();
        p.skipSpaces();
        if (p.pos != p.s.length()) throw new IllegalArgumentException("unexpected '" + p.s.charAt(p.pos) + "' at " + p.pos);
        return new Result(value, List.copyOf(p.numbers));
    }

    private Fraction expr() {
        Fraction left = term();
        while (true) {
            if (eat('+')) left = left.plus(term());
            else if (eat('-')) left = left.minus(term());
            else return left;
        }
    }

    private Fraction term() {
        Fraction left = unary();
        while (true) {
            if (eat('*')) left = left.times(unary());
            else if (eat('/')) left = left.over(unary());
            else return left;
        }
    }

    private Fraction unary() {
        if (eat('-')) return unary().negate();
        if (eat('+')) return unary();
        Fraction base = atom();
        return eat('^') ? base.pow(unary()) : base;
    }

    private Fraction atom() {
        skipSpaces();
        if (eat('(')) {
            Fraction inner = expr();
            if (!eat(')')) throw new IllegalArgumentException("missing ')' at " + pos);
            return inner;
        }
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        if (start == pos) {
            throw new IllegalArgumentException(pos < s.length() ? "unexpected '" + s.charAt(pos) + "' at " + pos : "unexpected end");
        }
        if (pos - start > 9) throw new IllegalArgumentException("number too long at " + start);
        int n = Integer.parseInt(s.substring(start, pos));
        numbers.add(n);
        return Fraction.of(n);
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }
}
