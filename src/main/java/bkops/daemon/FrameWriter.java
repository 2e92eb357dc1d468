package bkops.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One of the command's output streams, sent to the client as frames {@code "<fd> <bytes>\n<data>"} on each flush, so
 * that a prompt without a newline appears at once. Both streams share the socket and lock it per frame.
 */
final class FrameWriter extends Writer {
    private final OutputStream socket;
    private final char fd;
    private final StringBuilder pending = new StringBuilder();

    FrameWriter(OutputStream socket, char fd) {
        super(socket);
        this.socket = socket;
        this.fd = fd;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        synchronized (lock) {
            pending.append(cbuf, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            int end = pending.length();
            // A surrogate pair split across writes waits for its second half so the UTF-8 stays valid.
            if (end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                return;
            }
            byte[] data = pending.substring(0, end).getBytes(StandardCharsets.UTF_8);
            pending.delete(0, end);
            socket.write((fd + " " + data.length + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.write(data);
            socket.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
