/**
 * The {@code ponder} command line. It exports nothing; picocli reads the commands' options reflectively, so each
 * package that declares commands or mixins is open to it.
 */
module dev.ponder.cli {
    requires dev.ponder.lab;
    requires dev.ponder.sandbox;
    requires dev.ponder.server;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;

    opens dev.ponder.cli to info.picocli;
    opens dev.ponder.cli.bench to info.picocli;
    opens dev.ponder.cli.calibrate to info.picocli;
    opens dev.ponder.cli.fit to info.picocli;
    opens dev.ponder.cli.lab to info.picocli;
    opens dev.ponder.cli.plan to info.picocli;
    opens dev.ponder.cli.route to info.picocli;
    opens dev.ponder.cli.run to info.picocli;
    opens dev.ponder.cli.serve to info.picocli;
    opens dev.ponder.cli.verify to info.picocli;
}
