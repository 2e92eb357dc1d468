package bkops.daemon;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command's output leaves the daemon as it is written, in bounded frames, not held whole until a flush. */
class FrameWriterTest {

    @Test
    void aLargeOutputGoesOutInFramesBeforeAnyFlushAndStaysValidUtf8() throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(socket, '1');
        // odd-sized writes of a character outside the BMP (a surrogate pair), so pairs straddle the frame boundaries
        String text = "行😀".repeat(50_000) + "\n";
        for (int i = 0; i < text.length(); i += 777) {
            w.write(text, i, Math.min(777, text.length() - i));
        }
        List<String> sent = frames(socket.toByteArray());
        assertTrue(sent.size() >= 2, "frames before any flush: " + sent.size());
        for (String f : sent) {
            assertTrue(f.length() <= 64 * 1024, "at most 64 Ki characters a frame: " + f.length());
        }
        w.flush();
        assertEquals(text, String.join("", frames(socket.toByteArray())), "every character once, in order");
    }

    /** The frames "1 N\n" + N bytes, each decoded on its own: a split surrogate pair would not survive this. */
    private static List<String> frames(byte[] b) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int nl = i;
            while (b[nl] != '\n') {
                nl++;
            }
            String[] head = new String(b, i, nl - i, StandardCharsets.US_ASCII).split(" ");
            assertEquals("1", head[0]);
            int n = Integer.parseInt(head[1]);
            String frame = new String(b, nl + 1, n, StandardCharsets.UTF_8);
            assertTrue(frame.indexOf('\uFFFD') < 0, "valid UTF-8 in every frame");
            out.add(frame);
            i = nl + 1 + n;
        }
        return out;
    }
}
