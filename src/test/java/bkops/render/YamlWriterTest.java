package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bkops.model.Fixtures;
import bkops.testing.Golden;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

    @Test
    void nestedObjectsArraysMultiLineAndSpecialStrings() {
        String json = """
                {"name": "上线流程", "id": 12, "ratio": 0.5, "ok": true, "nothing": null,
                 "empty_obj": {}, "empty_list": [],
                 "nested": {"a": {"b": [1, "two", {"k": "v", "k2": [true]}], "c": []}},
                 "list_of_lists": [[1, 2], []],
                 "script": "#!/bin/bash\\necho 你好\\n\\nexit 0\\n",
                 "no_final_newline": "line1\\nline2",
                 "leading_space_multi": "  indented\\nnext",
                 "specials": ["", "true", "No", "null", "~", "123", "1.5e3", "0x1F", "2026-11-25", "12:30",
                              "-dash", "- item", "key: value", "a #comment", "ends:", " padded ", "${var}",
                              "[1 ==0]", "{x}", "*ref", "&anchor", "!tag", "%p", "@at", "`tick`", "'single'",
                              "\\"double\\"", "tab\\there", "bell\\u0007", "plain text", "中文 值", "a:b", "a#b"],
                 "weird key: yes": 1, "": "empty key", "123": "numeric key"}
                """;
        Golden.assertMatches("yaml-mixed.yaml", YamlWriter.write(Fixtures.json(json)));
    }

    @Test
    void scalarsAtTheTop() {
        assertEquals("\"true\"\n", YamlWriter.write(Fixtures.json("\"true\"")));
        assertEquals("[]\n", YamlWriter.write(Fixtures.json("[]")));
        assertEquals("42\n", YamlWriter.write(Fixtures.json("42")));
    }

    @Test
    void arrayOfObjectsStartsOnTheDash() {
        assertEquals("""
                - id: 1
                  tags:
                    - a
                - id: 2
                """, YamlWriter.write(Fixtures.json("[{\"id\":1,\"tags\":[\"a\"]},{\"id\":2}]")));
    }
}
