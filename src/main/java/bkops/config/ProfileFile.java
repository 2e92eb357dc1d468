package bkops.config;

import bkops.i18n.Text;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The profile file, {@code $XDG_CONFIG_HOME/bkops/config}: a human-editable text of {@code current-profile = NAME}
 * then {@code [NAME]} sections of {@code key = value} lines; {@code #} starts a comment line. Edits change only the
 * lines they must, so comments and layout survive a rewrite. The file holds secrets: it is created 0600 in a 0700
 * directory with the permissions given at creation, never changed afterwards.
 */
public final class ProfileFile {
    public static final String CURRENT_PROFILE = "current-profile";
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> HEADER = List.of(
            "# bkops configuration: named profiles of settings ('bkops config view' shows what is in effect).",
            "# One 'key = value' a line; '#' starts a comment line. This file holds secrets: keep it mode 0600.");

    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final List<String> lines;
    private final String permissionWarning;

    private ProfileFile(Path path, List<String> lines, String permissionWarning) {
        this.path = path;
        this.lines = lines;
        this.permissionWarning = permissionWarning;
    }

    /** {@code $XDG_CONFIG_HOME/bkops/config}, else {@code $HOME/.config/bkops/config} ({@link XdgPaths}). */
    public static Path location(Map<String, String> env) {
        return XdgPaths.configFile(env);
    }

    /** Reads the file; a missing file reads as empty (it is created by the first save). */
    public static ProfileFile load(Path path) {
        if (!Files.exists(path)) {
            return new ProfileFile(path, new ArrayList<>(), null);
        }
        try {
            List<String> lines = new ArrayList<>(utf8Text(path, Files.readAllBytes(path)).lines().toList());
            ProfileFile file = new ProfileFile(path, lines, permissionWarning(path));
            file.checkSyntax();
            return file;
        } catch (IOException e) {
            throw new ConfigException(Text.of("errors.config.file.unreadable", path, describe(e)));
        }
    }

    public Path path() {
        return path;
    }

    /** One line to show on stderr when the existing file is readable by group or others. */
    public Optional<String> permissionWarning() {
        return Optional.ofNullable(permissionWarning);
    }

    public Optional<String> currentProfile() {
        for (String line : lines) {
            if (section(line) != null) {
                break;
            }
            String[] kv = keyValue(line);
            if (kv != null && kv[0].equals(CURRENT_PROFILE) && !kv[1].isEmpty()) {
                return Optional.of(kv[1]);
            }
        }
        return Optional.empty();
    }

    public List<String> profiles() {
        return lines.stream().map(ProfileFile::section).filter(s -> s != null).distinct().toList();
    }

    public boolean hasProfile(String name) {
        return profiles().contains(name);
    }

    /** The profile's {@code key = value} pairs in file order (a repeated key: the last wins); empty when absent. */
    public Map<String, String> profile(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            String s = section(line);
            if (s != null) {
                current = s;
                continue;
            }
            String[] kv = keyValue(line);
            if (kv != null && name.equals(current)) {
                values.put(kv[0], kv[1]);
            }
        }
        return values;
    }

    /** Sets a key in a profile, creating the profile when needed; the change is written by {@link #save()}. */
    public void set(String profile, String key, String value) {
        checkProfileName(profile);
        if (value.contains("\n") || value.contains("\r")) {
            throw new ConfigException(Text.of("errors.config.one-line"));
        }
        String line = key + " = " + value;
        int[] range = sectionRange(profile);
        if (range == null) {
            startIfEmpty();
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + profile + "]");
            lines.add(line);
            return;
        }
        int last = range[0];
        for (int i = range[0] + 1; i < range[1]; i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equals(key)) {
                lines.set(i, line);
                removeKey(i + 1, range[1], key);
                return;
            }
            if (kv != null) {
                last = i;
            }
        }
        lines.add(last + 1, line);
    }

    /** Removes a key from a profile; false when it was not there. */
    public boolean unset(String profile, String key) {
        int[] range = sectionRange(profile);
        return range != null && removeKey(range[0] + 1, range[1], key);
    }

    public void setCurrentProfile(String name) {
        checkProfileName(name);
        startIfEmpty();
        String line = CURRENT_PROFILE + " = " + name;
        int firstSection = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (section(lines.get(i)) != null) {
                firstSection = i;
                break;
            }
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equals(CURRENT_PROFILE)) {
                lines.set(i, line);
                return;
            }
        }
        if (firstSection < lines.size()) {
            lines.add(firstSection, "");
        }
        lines.add(firstSection, line);
    }

    /**
     * Reads, changes and saves the file while holding its lock, so that edits by other threads and other processes are
     * never lost (each would otherwise save its own copy over the others'). {@code change} runs with the file as it is
     * now and returns what the caller wants back; nothing is saved when it throws or changes nothing.
     */
    public static <T> T update(Path path, Function<ProfileFile, T> change) {
        ReentrantLock inJvm = JVM_LOCKS.computeIfAbsent(path.toAbsolutePath().normalize(), p -> new ReentrantLock());
        inJvm.lock(); // a FileChannel lock is per JVM: threads of one process must queue here first
        try {
            Path lockFile = lockFile(path);
            createDirectory(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    permissions("rw-------")); FileLock ignored = ch.lock()) {
                ProfileFile file = load(path);
                List<String> before = List.copyOf(file.lines);
                T result = change.apply(file);
                if (!file.lines.equals(before)) {
                    file.save();
                }
                return result;
            }
        } catch (IOException e) {
            throw new ConfigException(Text.of("errors.config.file.unlockable", path, describe(e)));
        } finally {
            inJvm.unlock();
        }
    }

    /** The lock file next to the profile file (never deleted: removing it would let two writers lock two files). */
    static Path lockFile(Path path) {
        return path.resolveSibling(path.getFileName() + ".lock");
    }

    /** Writes the file atomically: a 0600 temporary file in the 0700 directory, then a rename over the old one. */
    public void save() {
        try {
            Path dir = path.toAbsolutePath().getParent();
            createDirectory(dir);
            Path tmp = Files.createTempFile(dir, ".config-", ".tmp", permissions("rw-------"));
            try {
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException(Text.of("errors.config.file.unwritable", path, describe(e)));
        }
    }

    /** The profile file's directory, created 0700 when missing. */
    private static void createDirectory(Path dir) throws IOException {
        dir = dir.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, permissions("rwx------"));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it first: fine
            }
        }
    }

    /** A profile name usable as a section header and on the command line. */
    public static void checkProfileName(String name) {
        if (name == null || !PROFILE_NAME.matcher(name).matches()) {
            throw new ConfigException(Text.of("errors.config.profile-name", name));
        }
    }

    private void startIfEmpty() {
        if (lines.isEmpty()) {
            lines.addAll(HEADER);
            lines.add("");
        }
    }

    private boolean removeKey(int from, int to, String key) {
        boolean removed = false;
        for (int i = to - 1; i >= from; i--) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equals(key)) {
                lines.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /** [index of the header, index after the section's last line], or null. */
    private int[] sectionRange(String profile) {
        for (int i = 0; i < lines.size(); i++) {
            if (profile.equals(section(lines.get(i)))) {
                int end = i + 1;
                while (end < lines.size() && section(lines.get(end)) == null) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return null;
    }

    private void checkSyntax() {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (!isComment(t) && section(t) == null && keyValue(t) == null) {
                throw new ConfigException(Text.of("errors.config.syntax", path, i + 1));
            }
        }
    }

    private static boolean isComment(String trimmed) {
        return trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";");
    }

    private static String section(String line) {
        String t = line.trim();
        if (t.length() > 2 && t.startsWith("[") && t.endsWith("]")) {
            return t.substring(1, t.length() - 1).trim();
        }
        return null;
    }

    private static String[] keyValue(String line) {
        String t = line.trim();
        int eq = t.indexOf('=');
        if (isComment(t) || eq <= 0) {
            return null;
        }
        return new String[] {t.substring(0, eq).trim(), t.substring(eq + 1).trim()};
    }

    private static String permissionWarning(Path path) throws IOException {
        if (!posix()) {
            return null;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            return "warning: " + path + " holds secrets but other users can read it (" + PosixFilePermissions.toString(perms)
                    + "); fix it with: chmod 600 " + path;
        }
        return null;
    }

    private static FileAttribute<?>[] permissions(String perms) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The file's bytes as UTF-8 text: bytes that are not UTF-8 are an error naming the line, never a silent U+FFFD. */
    private static String utf8Text(Path path, byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') line++;
            }
            throw new ConfigException(Text.of("errors.config.file.not-utf8", path, line));
        }
    }

    /** Why a file could not be used: a text of the catalogue, or the system's own words. */
    static Object describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Text.of("errors.config.file.missing");
        }
        if (e instanceof AccessDeniedException) {
            return Text.of("errors.config.file.denied");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
