package bkops.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The world file {@code world.json} in the state directory. Every transaction holds an exclusive lock on
 * {@code world.lock} (a JVM-wide lock per directory first, because file locks are per process), reloads the file only
 * when its identity changed since this instance last saw it, and writes a changed world to a temp file renamed over
 * the old one, so readers never see half a file.
 */
final class Store implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** What a transaction did: {@code dirty} = the world must be written. */
    static final class Tx {
        final World world;
        boolean dirty;

        Tx(World world) {
            this.world = world;
        }
    }

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock jvmLock;
    private final FileChannel lockChannel;
    private World world;
    private Object seenStamp;

    Store(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path real = dir.toRealPath();
        this.file = real.resolve("world.json");
        this.lockFile = real.resolve("world.lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(real, k -> new ReentrantLock());
        this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    <T> T transact(Function<Tx, T> work) {
        jvmLock.lock();
        try (FileLock ignored = lockChannel.lock()) {
            refresh();
            Tx tx = new Tx(world);
            T result;
            try {
                result = work.apply(tx);
            } catch (RuntimeException e) {
                if (tx.dirty) world = null; // drop half-applied changes: reload next time
                seenStamp = tx.dirty ? null : seenStamp;
                throw e;
            }
            if (tx.dirty) write();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            jvmLock.unlock();
        }
    }

    private void refresh() throws IOException {
        Object stamp = stamp();
        if (world != null && Objects.equals(stamp, seenStamp)) return;
        world = stamp == null ? new World() : read();
        seenStamp = stamp;
    }

    private World read() throws IOException {
        try {
            return Json.MAPPER.readValue(file.toFile(), World.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new Sandbox.CorruptStateException(file, at == null ? "unreadable"
                    : "unreadable at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
    }

    /** Reads the world once, so that a corrupt file is reported at start rather than as every request's 500. */
    void check() throws IOException {
        try {
            transact(tx -> null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Identity of the current file: the rename gives every write a new inode, mtime and size guard reuse. */
    private Object stamp() throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        return java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
    }

    private void write() throws IOException {
        Path tmp = file.resolveSibling("world.json." + ProcessHandle.current().pid() + ".tmp");
        Json.MAPPER.writeValue(tmp.toFile(), world);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        seenStamp = stamp();
    }

    /** Deletes the world under the lock, so the next transaction (in any process) starts from the seed. */
    static void reset(Path dir) throws IOException {
        try (Store s = new Store(dir)) {
            s.jvmLock.lock();
            try (FileLock ignored = s.lockChannel.lock()) {
                Files.deleteIfExists(s.file);
            } finally {
                s.jvmLock.unlock();
            }
        }
    }

    @Override
    public void close() throws IOException {
        lockChannel.close();
    }
}
