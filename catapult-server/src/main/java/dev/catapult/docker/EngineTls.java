package dev.catapult.docker;

import java.nio.file.Path;

/**
 * The TLS material for an engine on {@code tcp://} (Docker's {@code --tlsverify}): PEM files as Docker's TLS guide
 * makes them — the CA that signed the engine's certificate, and this client's certificate and private key
 * (PKCS #8, or PKCS #1 {@code RSA PRIVATE KEY}). The engine's certificate must name the host connected to.
 */
public record EngineTls(Path caFile, Path certFile, Path keyFile) {}
