package dev.ponder.cli.fuzz;

import dev.ponder.cli.fuzz.Fixtures.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One fuzz case's command line while it is being spoiled: the command's words, its options in order (an option may
 * repeat), its positional arguments and junk appended at the end. An option whose value is an input file or folder
 * remembers its kind, so a mutation can spoil that input.
 */
final class Case {
    /** An option or positional; an input's value is {@code prefix} then the path ({@code adaptive:} before a calibration file). */
    record Arg(String name, Optional<String> value, Optional<Kind> input, String prefix) {
        static Arg flag(String name) { return new Arg(name, Optional.empty(), Optional.empty(), ""); }

        static Arg of(String name, Object value) { return new Arg(name, Optional.of(value.toString()), Optional.empty(), ""); }

        static Arg input(String name, Object value, Kind kind) { return input(name, "", value, kind); }

        static Arg input(String name, String prefix, Object path, Kind kind) { return new Arg(name, Optional.of(prefix + path), Optional.of(kind), prefix); }

        /** The input file or folder this argument names. */
        Path path() { return Path.of(value.orElseThrow().substring(prefix.length())); }
    }

    final List<String> command;
    final List<Arg> options = new ArrayList<>();
    final List<Arg> positionals = new ArrayList<>();
    final List<String> tail = new ArrayList<>();
    final List<String> mutations = new ArrayList<>();

    Case(List<String> command) { this.command = List.copyOf(command); }

    Case with(Arg a) {
        options.add(a);
        return this;
    }

    Case positional(Arg a) {
        positionals.add(a);
        return this;
    }

    /** Sets {@code name} to {@code value}, replacing its first occurrence or adding it. */
    void set(String name, Optional<String> value) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).name().equals(name)) {
                options.set(i, new Arg(name, value, Optional.empty(), ""));
                return;
            }
        }
        options.add(new Arg(name, value, Optional.empty(), ""));
    }

    void drop(String name) { options.removeIf(a -> a.name().equals(name)); }

    /** Every argument that is an input file or folder. */
    List<Arg> inputs() {
        List<Arg> out = new ArrayList<>();
        for (Arg a : options) if (a.input().isPresent()) out.add(a);
        for (Arg a : positionals) if (a.input().isPresent()) out.add(a);
        return out;
    }

    String[] argv() {
        List<String> out = new ArrayList<>(command);
        for (Arg a : options) {
            out.add(a.name());
            a.value().ifPresent(out::add);
        }
        for (Arg a : positionals) out.add(a.value().orElse(""));
        out.addAll(tail);
        return out.toArray(String[]::new);
    }

    @Override
    public String toString() { return String.join(" ", argv()) + "   [" + String.join("; ", mutations) + "]"; }
}
