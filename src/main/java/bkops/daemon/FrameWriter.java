package bkops.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One of the command's output streams, sent to the client as frames {@code "<fd> <bytes>\n<data>"} on each flush, so
 * that a prompt without a newline appears at once, and whenever {@link #CHUNK} characters are waiting, so that a large
 * output streams through as it does in a cold run instead of being held whole in the daemon's heap (a 20 MiB `-o json`
 * held three times over ran a 96 MiB daemon out of memory). Both streams share the socket and lock it per frame.
 */
final class FrameWriter extends Writer {
    /** Characters held before a frame goes out without a flush: large enough that frames are few. */
    static final int CHUNK = 64 * 1024;

    private final OutputStream socket;
    private final char fd;
    private final StringBuilder pending = new StringBuilder();

    FrameWriter(OutputStream socket, char fd) {
        super(socket);
        this.socket = socket;
        this.fd = fd;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            while (len > 0) {
                int n = Math.min(len, Math.max(1, CHUNK - pending.length()));
                pending.append(cbuf, off, n);
                off += n;
                len -= n;
                if (pending.length() >= CHUNK) {
                    send();
                }
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            send();
            socket.flush();
        }
    }

    /** A frame of everything pending (but a trailing half surrogate pair). */
    private void send() throws IOException {
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
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
