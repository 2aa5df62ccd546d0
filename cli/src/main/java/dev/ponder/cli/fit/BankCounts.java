package dev.ponder.cli.fit;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Per-problem sample and correct counts of a bank (problems without samples are left out and counted). */
record BankCounts(int[] n, int[] c, int withoutSamples, double meanCostPerSample) {
    static BankCounts of(Bank bank) {
        List<int[]> rows = new ArrayList<>();
        int empty = 0;
        double cost = 0;
        long costed = 0;
        for (Problem p : bank.problems()) {
            List<RecordedSample> s = bank.samplesOf(p.id());
            if (s.isEmpty()) {
                empty++;
                continue;
            }
            int ok = 0;
            for (RecordedSample r : s) {
                if (r.correct()) ok++;
                if (r.costUsd().isPresent()) {
                    cost += r.costUsd().get();
                    costed++;
                }
            }
            rows.add(new int[] {s.size(), ok});
        }
        if (rows.isEmpty()) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "bank " + bank.dir() + " has no samples");
        }
        return new BankCounts(rows.stream().mapToInt(r -> r[0]).toArray(), rows.stream().mapToInt(r -> r[1]).toArray(),
                empty, costed == 0 ? Double.NaN : cost / costed);
    }

    int problems() { return n.length; }

    int minSamples() { return Arrays.stream(n).min().orElse(0); }

    int maxSamples() { return Arrays.stream(n).max().orElse(0); }
}
