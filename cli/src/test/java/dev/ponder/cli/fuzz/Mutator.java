package dev.ponder.cli.fuzz;

import dev.ponder.cli.fuzz.Fixtures.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Spoils a case, seeded: a bad value for one of the command's options (chosen by the option's type from picocli's
 * model), a spoiled input file or folder, junk at the end of the line, or a required option left out.
 */
final class Mutator {
    private static final List<String> WHOLE = List.of("-1", "0", "1", "3", "2147483647", "2147483648", "-2147483648", "abc", "", "1.5",
            "1e9", "0x10", " 7");
    private static final List<String> REAL = List.of("NaN", "-1", "0", "0.5", "1", "1e400", "-1e400", "Infinity", "-Infinity", "abc", "",
            "1e-320", "0,5");
    private static final List<String> TEXT = List.of("", " ", "x", "\u00e9\u00e8\ud83d\udca5", "a".repeat(3000), "%s%n%d", "vote@-1", "optimal@0",
            "think@1", "verify@2", "regex:(", "game24", "llm-judge:", "-1", "N-max", "vote@N-max", "\u0000");
    private static final List<String> JUNK = List.of("--no-such-flag", "stray", "--", "-x", "--=", "---", "-");

    private final SplittableRandom rng;
    private final Path scratch;
    private final Map<Kind, Path> inputs;

    Mutator(SplittableRandom rng, Path scratch, Map<Kind, Path> inputs) {
        this.rng = rng;
        this.scratch = scratch;
        this.inputs = inputs;
    }

    void mutate(Case c, CommandSpec spec) {
        switch (rng.nextInt(4)) {
            case 0 -> badValue(c, spec);
            case 1 -> spoilInput(c);
            case 2 -> junk(c, spec);
            default -> dropRequired(c, spec);
        }
    }

    private <T> T pick(List<T> xs) { return xs.get(rng.nextInt(xs.size())); }

    private void badValue(Case c, CommandSpec spec) {
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
        if (options.isEmpty()) {
            junk(c, spec);
            return;
        }
        OptionSpec o = pick(options);
        String name = o.longestName();
        if (o.arity().max() == 0) {
            c.options.add(Case.Arg.flag(name));
            c.mutations.add("flag " + name);
            return;
        }
        String v = value(o);
        if (o.splitRegex() != null && !o.splitRegex().isEmpty() && rng.nextBoolean()) v = v + "," + value(o);
        if (rng.nextInt(4) == 0) c.options.add(Case.Arg.of(name, v));
        else c.set(name, Optional.of(v));
        c.mutations.add(name + "=" + shortly(v));
    }

    private String value(OptionSpec o) {
        Class<?>[] aux = o.typeInfo().getAuxiliaryTypes();
        Class<?> t = aux.length > 0 ? aux[aux.length - 1] : o.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return pick(WHOLE);
        if (t == double.class || t == Double.class || t == float.class) return pick(REAL);
        if (t == boolean.class || t == Boolean.class) return pick(List.of("true", "false", "maybe", ""));
        if (t.isEnum()) return rng.nextBoolean() ? t.getEnumConstants()[rng.nextInt(t.getEnumConstants().length)].toString() : "bogus";
        if (t == Path.class) return path().toString();
        return pick(TEXT);
    }

    /** A path: a spoiled copy of some input, a folder, a file that is not there, or a fresh place to write. */
    private Path path() {
        return switch (rng.nextInt(5)) {
            case 0 -> spoiled(pick(List.copyOf(inputs.keySet())));
            case 1 -> inputs.get(pick(List.copyOf(inputs.keySet())));
            case 2 -> scratch;
            case 3 -> scratch.resolve("not-there").resolve("x");
            default -> scratch.resolve("new-" + rng.nextInt(1000));
        };
    }

    private Path spoiled(Kind k) {
        Path copy = Fixtures.copy(inputs.get(k), scratch.resolve("spoiled-" + rng.nextInt(1_000_000)).resolve(inputs.get(k).getFileName()));
        return pick(List.of(Corruption.values())).apply(copy, rng);
    }

    private void spoilInput(Case c) {
        List<Case.Arg> ins = c.inputs();
        if (ins.isEmpty()) {
            c.tail.add(pick(JUNK));
            c.mutations.add("junk");
            return;
        }
        Case.Arg a = pick(ins);
        Corruption how = pick(List.of(Corruption.values()));
        how.apply(a.path(), rng);
        c.mutations.add(how + " " + a.input().orElseThrow());
    }

    private void junk(Case c, CommandSpec spec) {
        if (rng.nextBoolean() || spec.options().isEmpty()) {
            c.tail.add(pick(JUNK));
        } else {
            OptionSpec o = pick(spec.options());
            c.tail.add(o.longestName());   // an option with its value missing at the end of the line
        }
        c.mutations.add("junk " + c.tail.getLast());
    }

    private void dropRequired(Case c, CommandSpec spec) {
        List<OptionSpec> required = spec.options().stream().filter(OptionSpec::required).toList();
        if (required.isEmpty()) {
            badValue(c, spec);
            return;
        }
        String name = pick(required).longestName();
        c.drop(name);
        c.mutations.add("without " + name);
    }

    private static String shortly(String v) { return v.length() > 20 ? v.substring(0, 20) + "..." : v; }
}
