package dev.catapult.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and keys into in-memory key stores for the TLS client. The JDK reads PEM certificates
 * but not PEM keys (its PEM API is a preview in 25), and a PEM library would be a dependency for 40 lines.
 */
final class PemFiles {
    /** Only this client's in-memory store uses it: the key never leaves the process. */
    static final char[] STORE_PASSWORD = "catapult".toCharArray();

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** {@code AlgorithmIdentifier} of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemFiles() {}

    /** The CA certificates of {@code caFile}, as the only trusted ones. */
    static KeyStore trustStore(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(caFile)) {
            store.setCertificateEntry("ca-" + i++, ca);
        }
        if (i == 0) {
            throw new IOException(caFile + " holds no certificate");
        }
        return store;
    }

    /** The client's certificate chain and private key. */
    static KeyStore keyStore(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<? extends Certificate> chain = certificates(certFile);
        if (chain.isEmpty()) {
            throw new IOException(certFile + " holds no certificate");
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(keyFile), STORE_PASSWORD, chain.toArray(Certificate[]::new));
        return store;
    }

    private static List<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der);
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapRsa(der)));
                }
                case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY" ->
                    throw new IOException(file + " holds an " + m.group(1).toLowerCase(Locale.ROOT)
                            + "; convert it with: openssl pkcs8 -topk8 -nocrypt");
                default -> {
                    // another block (parameters, a certificate): look further
                }
            }
        }
        throw new IOException(file + " holds no PEM private key");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        InvalidKeySpecException none = new InvalidKeySpecException("not an RSA, EC or Ed25519 private key");
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                none.addSuppressed(e);
            }
        }
        throw none;
    }

    /** A PKCS #1 {@code RSAPrivateKey} inside a PKCS #8 {@code PrivateKeyInfo}: version 0, rsaEncryption, the key. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
