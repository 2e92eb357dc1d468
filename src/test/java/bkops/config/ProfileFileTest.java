package bkops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFileTest {
    @TempDir
    Path tmp;

    @Test
    void locationFollowsXdgThenHome() {
        assertEquals(Path.of("/x/bkops/config"), ProfileFile.location(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.config/bkops/config"), ProfileFile.location(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.config/bkops/config"),
                ProfileFile.location(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h")));
    }

    @Test
    void createsTheFile0600InADirectory0700() throws Exception {
        Path path = tmp.resolve("xdg/bkops/config");
        ProfileFile f = ProfileFile.load(path);
        f.set("prod", "biz", "3");
        f.save();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
        assertEquals(List.of(path), Files.list(path.getParent()).toList(), "no temporary file left behind");
        assertEquals(Map.of("biz", "3"), ProfileFile.load(path).profile("prod"));
    }

    @Test
    void editsKeepCommentsAndTouchOnlyTheirLines() throws Exception {
        Path path = tmp.resolve("config");
        Files.writeString(path, String.join("\n",
                "# my settings",
                "current-profile = prod",
                "",
                "[prod]",
                "# the gateway",
                "sops-url = https://a.example.com",
                "biz = 3",
                "",
                "[test]",
                "biz=4",
                ""));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        ProfileFile f = ProfileFile.load(path);
        f.set("prod", "biz", "5");
        f.set("prod", "username", "alice");
        f.set("test", "gateway", "esb");
        f.unset("prod", "sops-url");
        f.setCurrentProfile("test");
        f.save();
        assertEquals(String.join("\n",
                "# my settings",
                "current-profile = test",
                "",
                "[prod]",
                "# the gateway",
                "biz = 5",
                "username = alice",
                "",
                "[test]",
                "biz=4",
                "gateway = esb",
                ""), Files.readString(path));
    }

    @Test
    void newFileGetsAHeaderThenTheCurrentProfileThenSections() {
        ProfileFile f = ProfileFile.load(tmp.resolve("config"));
        f.set("prod", "biz", "3");
        f.setCurrentProfile("prod");
        assertEquals(List.of("prod"), f.profiles());
        assertEquals("prod", f.currentProfile().orElseThrow());
        assertEquals(Map.of("biz", "3"), f.profile("prod"));
    }

    @Test
    void lastRepeatedKeyWinsAndSetReplacesAllCopies() throws Exception {
        Path path = tmp.resolve("config");
        Files.writeString(path, "[p]\nbiz = 1\nbiz = 2\n");
        ProfileFile f = ProfileFile.load(path);
        assertEquals("2", f.profile("p").get("biz"));
        f.set("p", "biz", "7");
        f.save();
        assertEquals("[p]\nbiz = 7\n", Files.readString(path));
    }

    @Test
    void unsetOfAnAbsentKeySaysSo() {
        ProfileFile f = ProfileFile.load(tmp.resolve("config"));
        assertFalse(f.unset("nope", "biz"));
        f.set("p", "biz", "1");
        assertFalse(f.unset("p", "gateway"));
        assertTrue(f.unset("p", "biz"));
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path path = tmp.resolve("config");
        Files.writeString(path, "[p]\nbiz = 1\nthis is not a setting\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ProfileFile.load(path));
        assertTrue(e.getMessage().startsWith(path + ":3: expected"), e.getMessage());
    }

    @Test
    void warnsOnceWhenOthersCanRead() throws Exception {
        Path path = tmp.resolve("config");
        Files.writeString(path, "[p]\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        String w = ProfileFile.load(path).permissionWarning().orElseThrow();
        assertTrue(w.contains("rw-r--r--") && w.contains("chmod 600 " + path) && !w.contains("\n"), w);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        assertTrue(ProfileFile.load(path).permissionWarning().isEmpty());
    }

    @Test
    void rejectsBadProfileNamesAndMultiLineValues() {
        ProfileFile f = ProfileFile.load(tmp.resolve("config"));
        assertThrows(ConfigException.class, () -> f.set("a b", "biz", "1"));
        assertThrows(ConfigException.class, () -> f.set("[x]", "biz", "1"));
        assertThrows(ConfigException.class, () -> f.set("p", "biz", "1\n[q]"));
    }
}
