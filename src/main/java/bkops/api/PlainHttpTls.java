package bkops.api;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;

/**
 * The TLS setup of a client whose targets are all plain http: nothing. The JDK's HttpClient asks its SSLContext for
 * default parameters when it is built, which initialises the TLS provider (cipher suites, protocols, a seeded
 * SecureRandom): ~230 classes and tens of milliseconds of a cold run, for a connection that never uses TLS. This
 * context builds a real one (no trust managers, as before) only if an engine is ever asked for; the client is given
 * empty parameters so that building it asks for nothing.
 */
final class PlainHttpTls {
    private PlainHttpTls() {}

    static Context context() {
        return new Context(new Lazy());
    }

    /** Parameters that leave an engine's defaults alone (null cipher suites and protocols). */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    static final class Context extends SSLContext {
        Context(SSLContextSpi spi) {
            super(spi, null, "TLS");
        }
    }

    private static final class Lazy extends SSLContextSpi {
        private SSLContext real;

        private synchronized SSLContext real() {
            if (real == null) {
                try {
                    SSLContext ctx = SSLContext.getInstance("TLS");
                    ctx.init(null, new TrustManager[0], null);
                    real = ctx;
                } catch (GeneralSecurityException ex) {
                    throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
                }
            }
            return real;
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, TrustManager[] tm, SecureRandom sr)
                throws KeyManagementException {
            throw new KeyManagementException("this context is set up already");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
