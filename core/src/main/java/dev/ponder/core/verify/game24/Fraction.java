package dev.ponder.core.verify.game24;

import java.math.BigInteger;

/** An exact rational number in lowest terms with a positive denominator. */
record Fraction(BigInteger num, BigInteger den) {
    Fraction {
        if (den.signum() == 0) throw new ArithmeticException("division by zero");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
    }

    static Fraction of(long n) { return new Fraction(BigInteger.valueOf(n), BigInteger.ONE); }

    Fraction plus(Fraction o) { return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }

    Fraction minus(Fraction o) { return plus(o.negate()); }

    Fraction times(Fraction o) { return new Fraction(num.multiply(o.num), den.multiply(o.den)); }

    Fraction over(Fraction o) { return new Fraction(num.multiply(o.den), den.multiply(o.num)); }

    Fraction negate() { return new Fraction(num.negate(), den); }

    Fraction pow(Fraction e) {
        if (!e.den.equals(BigInteger.ONE) || e.num.abs().bitLength() > 8) throw new ArithmeticException("unsupported power");
        int n = e.num.intValueExact();
        Fraction r = new Fraction(num.pow(Math.abs(n)), den.pow(Math.abs(n)));
        return n >= 0 ? r : of(1).over(r);
    }

    boolean isInteger(long value) { return den.equals(BigInteger.ONE) && num.equals(BigInteger.valueOf(value)); }

    @Override
    public String toString() { return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den; }
}
