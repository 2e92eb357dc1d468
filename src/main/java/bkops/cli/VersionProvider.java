package bkops.cli;

import bkops.Version;
import picocli.CommandLine.IVersionProvider;

/** --version: bkops's version and commit (bkops.Version), and the Java running it. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"bkops " + Version.full(), "Java " + System.getProperty("java.version")};
    }
}
