package dev.ponder.core.verify.math;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Recursive-descent parser for the LaTeX arithmetic found in final answers: numbers, + - * / ^, {@code \frac},
 * {@code \sqrt[n]{}}, {@code \pi}, a few functions, factorial, implicit multiplication, mixed numbers
 * ({@code 1\frac{1}{4}}) and one-letter or Greek variables. Hand-written because no light Java library parses
 * LaTeX maths; anything it does not know makes {@link #parse} return empty, and the caller falls back to strings.
 */
final class ExprParser {

    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.ofEntries(
            Map.entry("\\sin", Math::sin), Map.entry("\\cos", Math::cos), Map.entry("\\tan", Math::tan),
            Map.entry("\\ln", Math::log), Map.entry("\\log", Math::log10), Map.entry("\\exp", Math::exp),
            Map.entry("\\arcsin", Math::asin), Map.entry("\\arccos", Math::acos), Map.entry("\\arctan", Math::atan),
            Map.entry("\\sec", x -> 1 / Math.cos(x)), Map.entry("\\csc", x -> 1 / Math.sin(x)),
            Map.entry("\\cot", x -> 1 / Math.tan(x)));
    private static final Set<String> GREEK = Set.of("\\alpha", "\\beta", "\\gamma", "\\delta",
            "\\theta", "\\lambda", "\\mu", "\\sigma", "\\phi", "\\omega", "\\varphi", "\\epsilon", "\\tau", "\\rho");

    private final String s;
    private int pos;

    private ExprParser(String s) { this.s = s; }

    static Optional<Expr> parse(String text) {
        if (text.isEmpty() || text.length() > 400) return Optional.empty();
        ExprParser p = new ExprParser(text);
        try {
            Expr e = p.expr();
            return p.pos == p.s.length() ? Optional.of(e) : Optional.empty();
        } catch (IllegalStateException | StringIndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Expr expr() {
        Expr left = term();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '+') { pos++; left = new Expr.Binary(Double::sum, left, term()); }
            else if (c == '-') { pos++; left = new Expr.Binary((a, b) -> a - b, left, term()); }
            else if (eat("\\pm")) throw new IllegalStateException("plus-minus");
            else break;
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '*') { pos++; left = new Expr.Binary((a, b) -> a * b, left, unary()); }
            else if (c == '/') { pos++; left = new Expr.Binary((a, b) -> a / b, left, unary()); }
            else if (startsAtom()) left = new Expr.Binary((a, b) -> a * b, left, power());
            else break;
        }
        return left;
    }

    private Expr unary() {
        if (eat("-")) return new Expr.Unary(x -> -x, unary());
        if (eat("+")) return unary();
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (eat("^")) {
            Expr exponent = s.startsWith("{", pos) ? group() : exponentAtom();
            return new Expr.Binary(Math::pow, base, exponent);
        }
        return base;
    }

    private Expr exponentAtom() {
        if (eat("-")) return new Expr.Unary(x -> -x, exponentAtom());
        if (pos < s.length() && Character.isDigit(s.charAt(pos))) return new Expr.Num(s.charAt(pos++) - '0');
        return atom();
    }

    private Expr postfix() {
        Expr e = atom();
        while (eat("!")) e = new Expr.Unary(ExprParser::factorial, e);
        return e;
    }

    private boolean startsAtom() {
        if (pos >= s.length()) return false;
        char c = s.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '(' || c == '{' || c == '.') return true;
        if (c != '\\') return false;
        return s.startsWith("\\frac", pos) || s.startsWith("\\sqrt", pos) || s.startsWith("\\pi", pos)
                || s.startsWith("\\infty", pos) || FUNCTIONS.keySet().stream().anyMatch(f -> s.startsWith(f, pos))
                || GREEK.stream().anyMatch(g -> s.startsWith(g, pos));
    }

    private Expr atom() {
        if (pos >= s.length()) throw new IllegalStateException("unexpected end");
        char c = s.charAt(pos);
        if (Character.isDigit(c) || c == '.') return number();
        if (eat("(")) return closeWith(expr(), ")");
        if (eat("[")) return closeWith(expr(), "]");
        if (c == '{') return group();
        if (eat("\\frac")) return fraction();
        if (eat("\\sqrt")) {
            Expr index = eat("[") ? closeWith(expr(), "]") : new Expr.Num(2);
            Expr radicand = s.startsWith("{", pos) ? group() : atom();
            return new Expr.Binary((x, n) -> n == 2 ? Math.sqrt(x) : Math.pow(x, 1 / n), radicand, index);
        }
        if (eat("\\pi")) return new Expr.Num(Math.PI);
        if (eat("\\infty")) return new Expr.Num(Double.POSITIVE_INFINITY);
        for (var f : FUNCTIONS.entrySet()) {
            if (s.startsWith(f.getKey(), pos) && !letterAt(pos + f.getKey().length())) {
                pos += f.getKey().length();
                return new Expr.Unary(f.getValue(), power());
            }
        }
        for (String g : GREEK) {
            if (s.startsWith(g, pos) && !letterAt(pos + g.length())) {
                pos += g.length();
                return subscripted(g);
            }
        }
        if (Character.isLetter(c)) {
            pos++;
            return subscripted(String.valueOf(c));
        }
        throw new IllegalStateException("unexpected '" + c + "'");
    }

    private Expr subscripted(String name) {
        if (!eat("_")) return new Expr.Var(name);
        if (s.startsWith("{", pos)) {
            int end = LatexNormalizer.closes(s, pos);
            if (end < 0) throw new IllegalStateException("unclosed subscript");
            String sub = s.substring(pos + 1, end);
            pos = end + 1;
            return new Expr.Var(name + "_" + sub);
        }
        return new Expr.Var(name + "_" + s.charAt(pos++));
    }

    private Expr number() {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        boolean integer = true;
        if (pos < s.length() && s.charAt(pos) == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
            integer = false;
            pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        }
        if (start == pos) throw new IllegalStateException("not a number");
        double value = Double.parseDouble(s.substring(start, pos));
        if (integer && s.startsWith("\\frac", pos)) {
            pos += "\\frac".length();
            return new Expr.Binary(Double::sum, new Expr.Num(value), fraction());
        }
        return new Expr.Num(value);
    }

    private Expr fraction() {
        Expr num = s.startsWith("{", pos) ? group() : new Expr.Num(digit());
        Expr den = s.startsWith("{", pos) ? group() : new Expr.Num(digit());
        return new Expr.Binary((a, b) -> a / b, num, den);
    }

    private int digit() {
        char c = s.charAt(pos++);
        if (!Character.isDigit(c)) throw new IllegalStateException("bad fraction");
        return c - '0';
    }

    private Expr group() {
        if (!eat("{")) throw new IllegalStateException("expected {");
        return closeWith(expr(), "}");
    }

    private Expr closeWith(Expr e, String close) {
        if (!eat(close)) throw new IllegalStateException("expected " + close);
        return e;
    }

    private boolean eat(String token) {
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean letterAt(int i) { return i < s.length() && Character.isLetter(s.charAt(i)); }

    private static double factorial(double n) {
        if (n < 0 || n != Math.rint(n) || n > 170) return Double.NaN;
        double r = 1;
        for (int i = 2; i <= n; i++) r *= i;
        return r;
    }
}
