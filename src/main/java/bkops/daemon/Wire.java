package bkops.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The client-to-daemon encoding: NUL-terminated UTF-8 fields, which bash writes with {@code printf '%s\0'} and which
 * carry any argument (spaces, quotes, newlines, Chinese) unchanged; counts and lengths are decimal fields.
 */
final class Wire {
    static final String MAGIC = "bkops-daemon-1";
    /** Guards against a peer that is not our client: no field or stdin of ours comes near this. */
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 10_000;

    private Wire() {}

    static String field(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed mid-request");
            }
            if (buf.size() >= MAX_FIELD) {
                throw new IOException("request field too long");
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    static int count(InputStream in) throws IOException {
        String s = field(in);
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("bad count in request");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad count in request");
        }
    }

    static byte[] bytes(InputStream in) throws IOException {
        String s = field(in);
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IOException("bad length in request");
        }
        if (n < 0 || n > 64 * MAX_FIELD) {
            throw new IOException("bad length in request");
        }
        byte[] data = in.readNBytes(n);
        if (data.length != n) {
            throw new EOFException("connection closed mid-stdin");
        }
        return data;
    }
}
