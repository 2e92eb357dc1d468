package bkops.cli;

import bkops.sandbox.Sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in profile's sandboxes kept running between commands, one per state directory: what the daemon gives its
 * runs, so that `-p sandbox` costs neither a new HTTP server nor a parse of the world file per command. Sharing stays
 * safe because every transaction of a sandbox holds the world's file lock and rereads a file another process changed
 * (sandbox Store.transact): commands here, cold processes and `sandbox serve` on one directory still take turns. A
 * directory deleted or replaced since (rm -r, a new XDG_STATE_HOME at the same path) gets a new sandbox, whose lock
 * file is the one the other processes now use.
 */
public final class ResidentSandboxes implements AutoCloseable {
    /** Idle sandboxes kept beyond this many are stopped, least recently used first. */
    private static final int KEEP = 4;

    private static final class Entry {
        final Sandbox sandbox;
        final Object dirKey;
        int users;
        boolean retired;

        Entry(Sandbox sandbox, Object dirKey) {
            this.sandbox = sandbox;
            this.dirKey = dirKey;
        }
    }

    private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** The sandbox for this state directory, started on first use; close the handle when the run ends. */
    synchronized EmbeddedSandbox acquire(Path stateDir) {
        if (closed) {
            return EmbeddedSandbox.start(stateDir);
        }
        Path dir = stateDir.toAbsolutePath().normalize();
        Entry e = entries.get(dir);
        if (e != null && !e.dirKey.equals(dirKey(dir))) {
            entries.remove(dir);
            retire(e);
            e = null;
        }
        if (e == null) {
            Sandbox s = EmbeddedSandbox.startSandbox(dir); // creates the directory
            Object key = dirKey(dir);
            e = new Entry(s, key == null ? new Object() : key);
            entries.put(dir, e);
        }
        e.users++;
        Entry leased = e;
        evictIdle();
        return EmbeddedSandbox.lease(e.sandbox, () -> release(leased));
    }

    /** How many sandboxes are running (for `daemon status`). */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized void release(Entry e) {
        e.users--;
        if (e.retired && e.users == 0) {
            e.sandbox.close();
        }
        evictIdle();
    }

    private void retire(Entry e) {
        e.retired = true;
        if (e.users == 0) {
            e.sandbox.close();
        }
    }

    private void evictIdle() {
        for (Iterator<Entry> it = entries.values().iterator(); entries.size() > KEEP && it.hasNext(); ) {
            Entry e = it.next(); // least recently used first
            if (e.users == 0) {
                it.remove();
                retire(e);
            }
        }
    }

    /** The directory's identity (device and inode); null when it is gone. */
    private static Object dirKey(Path dir) {
        try {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
            return key != null ? key : dir;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        entries.values().forEach(this::retire);
        entries.clear();
    }
}
