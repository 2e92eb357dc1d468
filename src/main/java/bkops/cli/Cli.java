package bkops.cli;

import picocli.CommandLine;

/** Builds the command line with its error handling and runs it; used by Main and by tests. */
public final class Cli {
    private Cli() {}

    public static int run(CliContext ctx, String... args) {
        CommandLine cl = build(ctx);
        BkopsCommand root = cl.getCommand();
        try {
            return cl.execute(args);
        } finally {
            root.closeSession();
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The configured command line; also what the completion and man page generators read. */
    public static CommandLine build(CliContext ctx) {
        BkopsCommand root = new BkopsCommand(ctx);
        CommandLine cl = new CommandLine(root, new Factory(root));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorReporter reporter = new ErrorReporter(root);
        cl.setParameterExceptionHandler(reporter::onParameterException);
        cl.setExecutionExceptionHandler(reporter::onExecutionException);
        return cl;
    }

    /** Gives every command the root (and so the context) without reflection-heavy DI. */
    static final class Factory implements CommandLine.IFactory {
        private final BkopsCommand root;

        Factory(BkopsCommand root) {
            this.root = root;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == BkopsCommand.class) {
                return cls.cast(root);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
