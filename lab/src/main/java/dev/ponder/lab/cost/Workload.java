package dev.ponder.lab.cost;

import dev.ponder.core.json.BadField;
import java.util.List;
import java.util.Optional;

/**
 * A workload to price: classes of queries with their volumes, deadlines and tiers. Read from YAML or JSON by
 * {@link WorkloadReader}; field names are snake_case ({@code monthly_queries}).
 */
public record Workload(String name, Optional<String> description, Optional<Double> monthlyQueries, List<QueryClass> classes) {
    public Workload {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new BadField("name", "a workload needs a name of letters, digits, '.', '_' or '-', was " + (name == null ? "missing" : "\"" + name + "\""));
        }
        description = description == null ? Optional.empty() : description;
        monthlyQueries = monthlyQueries == null ? Optional.empty() : monthlyQueries;
        if (classes == null || classes.isEmpty()) throw new BadField("classes", "a workload needs at least one class");
        classes = List.copyOf(classes);
        for (int i = 0; i < classes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (classes.get(i).name().equals(classes.get(j).name())) {
                    throw new BadField("classes[" + i + "].name", "class name " + classes.get(i).name() + " is used twice");
                }
            }
        }
        Demand.resolve(monthlyQueries, classes);
    }

    /** Each class's share and monthly queries, in the order of {@link #classes()}. */
    public List<Demand> demand() { return Demand.resolve(monthlyQueries, classes); }

    public double totalQueries() { return demand().stream().mapToDouble(Demand::monthlyQueries).sum(); }
}
