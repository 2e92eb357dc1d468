package bkops.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/**
 * An HTTPS server on loopback with a committed test certificate (src/test/resources/tls, see its README), answering
 * every request with one template list: for the TLS tests, which care about the handshake, not the API.
 */
public final class TlsServer implements AutoCloseable {
    private static final Path DIR = Path.of("src", "test", "resources", "tls");
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpsServer server;

    private TlsServer(HttpsServer server) {
        this.server = server;
    }

    /** The committed file {@code name} (e.g. "ca.pem"), as a path bkops can be given. */
    public static Path file(String name) {
        return DIR.resolve(name).toAbsolutePath();
    }

    /** A server presenting the key and chain of the keystore {@code name} (e.g. "server.p12"). */
    public static TlsServer start(String keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file(keystore))) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            byte[] body = "{\"result\":true,\"code\":0,\"data\":[{\"id\":1,\"name\":\"tls ok\"}]}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return new TlsServer(server);
    }

    /** The SOPS gateway URL bkops is given for this server. */
    public String sopsUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-sops/prod";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
