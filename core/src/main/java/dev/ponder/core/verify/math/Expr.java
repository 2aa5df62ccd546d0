package dev.ponder.core.verify.math;

import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** A parsed arithmetic expression over named variables, evaluated in doubles. */
sealed interface Expr {

    double eval(Map<String, Double> vars);

    void collectVariables(Set<String> into);

    record Num(double value) implements Expr {
        @Override
        public double eval(Map<String, Double> vars) { return value; }
        @Override
        public void collectVariables(Set<String> into) {}
    }

    record Var(String name) implements Expr {
        @Override
        public double eval(Map<String, Double> vars) { return vars.getOrDefault(name, Double.NaN); }
        @Override
        public void collectVariables(Set<String> into) { into.add(name); }
    }

    record Unary(DoubleUnaryOperator op, Expr arg) implements Expr {
        @Override
        public double eval(Map<String, Double> vars) { return op.applyAsDouble(arg.eval(vars)); }
        @Override
        public void collectVariables(Set<String> into) { arg.collectVariables(into); }
    }

    record Binary(DoubleBinaryOperator op, Expr left, Expr right) implements Expr {
        @Override
        public double eval(Map<String, Double> vars) { return op.applyAsDouble(left.eval(vars), right.eval(vars)); }
        @Override
        public void collectVariables(Set<String> into) {
            left.collectVariables(into);
            right.collectVariables(into);
        }
    }
}
