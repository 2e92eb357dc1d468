package bkops.cli;

import picocli.CommandLine;

/** Builds the command line with its error handling and runs it; used by Main and by tests. */
public final class Cli {
    private Cli() {}

    public static int run(CliContext ctx, String... args) {
        BkopsCommand root = new BkopsCommand(ctx);
        CommandLine cl = new CommandLine(root, new Factory(root));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorReporter reporter = new ErrorReporter(root);
        cl.setParameterExceptionHandler(reporter::onParameterException);
        cl.setExecutionExceptionHandler(reporter::onExecutionException);
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
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
