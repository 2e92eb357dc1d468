package bkops.cli.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** completions/ and man/ are committed; they must match what the command classes generate today. */
class GeneratedDocsTest {
    private static final String HOW = " is stale: run bin/gen-docs and commit the result";

    @Test
    void committedCompletionsAndManPagesMatchTheCommandClasses() throws IOException {
        Map<String, String> expected = GenerateDocs.files();
        for (Map.Entry<String, String> f : expected.entrySet()) {
            Path p = Path.of(f.getKey());
            assertTrue(Files.exists(p), f.getKey() + " is missing: run bin/gen-docs and commit the result");
            assertEquals(f.getValue(), Files.readString(p, StandardCharsets.UTF_8), f.getKey() + HOW);
        }
        for (String dir : GenerateDocs.MAN_DIRS.keySet()) {
            try (var pages = Files.list(Path.of(dir))) {
                TreeSet<String> extra = new TreeSet<>();
                pages.forEach(p -> {
                    if (!expected.containsKey(dir + p.getFileName())) extra.add(dir + p.getFileName());
                });
                assertTrue(extra.isEmpty(), "man pages of commands that no longer exist: " + extra + HOW);
            }
        }
    }

    @Test
    void everyVisibleCommandHasAManPageWithTheSectionsOperatorsLookFor() {
        Map<String, String> files = GenerateDocs.files();
        String root = files.get("man/man1/bkops.1");
        for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH EXIT STATUS", ".SH ENVIRONMENT",
                ".SH FILES", ".SH EXAMPLES")) {
            assertTrue(root.contains(section), "bkops.1 lacks " + section);
        }
        assertTrue(files.keySet().stream().anyMatch(k -> k.equals("man/man1/bkops-config-view.1")));
        assertTrue(files.keySet().stream().noneMatch(k -> k.contains("__complete")), "hidden commands have no page");
    }

    /** The Chinese pages (man -L zh_CN bkops): one per English page, UTF-8, Chinese headings and texts. */
    @Test
    void everyManPageHasItsChineseTwin() {
        Map<String, String> files = GenerateDocs.files();
        List<String> english = files.keySet().stream().filter(k -> k.startsWith("man/man1/")).toList();
        List<String> chinese = files.keySet().stream().filter(k -> k.startsWith("man/zh_CN/man1/")).toList();
        assertEquals(english, chinese.stream().map(k -> k.replace("man/zh_CN/man1/", "man/man1/")).toList());
        String root = files.get("man/zh_CN/man1/bkops.1");
        assertTrue(root.startsWith(".\\\" -*- coding: UTF-8 -*-\n"), root.lines().findFirst().orElse(""));
        for (String section : List.of(".SH 名称", ".SH 概要", ".SH 描述", ".SH 选项", ".SH 退出状态", ".SH 环境",
                ".SH 示例", ".SH 参见")) {
            assertTrue(root.contains("\n" + section + "\n"), "zh_CN bkops.1 lacks " + section);
        }
        String retry = files.get("man/zh_CN/man1/bkops-node-retry.1");
        assertTrue(retry.contains("bkops\\-node\\-retry \\- 重试 FAILED 的节点"), retry);
        assertTrue(retry.contains("\\-\\-inputs\\-file"), "option names stay as they are:\n" + retry);
        assertTrue(retry.contains("bkops node retry 12 \\-\\-failed \\-\\-yes"), "examples are commands:\n" + retry);
        assertTrue(retry.contains("\n.B 10\n" + bkops.ExitCode.TASK_FAILED.meaning(bkops.i18n.Messages.CHINESE)
                .replace("-", "\\-")), retry);
        assertTrue(!retry.contains("Retry a FAILED node") && !retry.contains("EXIT STATUS"), retry);
    }
}
