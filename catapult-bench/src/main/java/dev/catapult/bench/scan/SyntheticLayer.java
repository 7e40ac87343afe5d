package dev.catapult.bench.scan;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Writes a layer that looks like a real application layer: a tree of many small files and a few large ones,
 * a mix of text (compresses ~3-4×), already-compressed binaries (does not compress) and structured binaries
 * (zero runs and text mixed with noise), with files of interest scattered through it, a few under
 * {@code usr/}, and some links and whiteouts. The same tar goes to a gzip file (level 6, what Docker and
 * BuildKit write) and, if asked, a zstd file (level 3, the zstd default), in one pass. Seeded: reproducible.
 */
final class SyntheticLayer {
    private static final int CHUNK = 1 << 20;
    private static final String[] INTERESTING = {
        "package.json",
        "package-lock.json",
        "pom.xml",
        "App.deps.json",
        "go.mod",
        "requirements.txt",
        "Gemfile.lock",
        "sbom.spdx.json",
        "sbom.cdx.json"
    };

    private final SplittableRandom random = new SplittableRandom(20261122);
    private final byte[] corpus = TextCorpus.generate(4 << 20, 7);
    private final byte[] chunk = new byte[CHUNK];

    /** What was written. */
    record Written(
            Path gzip,
            @Nullable Path zstd,
            long tarBytes,
            long entries,
            long filesOfInterest,
            long interestingUnderUsr) {}

    static Written write(Path directory, long targetBytes, boolean withZstd) throws IOException {
        return new SyntheticLayer().writeTo(directory, targetBytes, withZstd);
    }

    private Written writeTo(Path directory, long targetBytes, boolean withZstd) throws IOException {
        Path gzip = Files.createTempFile(directory, "catapult-scan-bench-", ".tar.gz");
        Path zstd = withZstd ? Files.createTempFile(directory, "catapult-scan-bench-", ".tar.zst") : null;
        long entries = 0;
        long interesting = 0;
        long underUsr = 0;
        CountingOutputStream counted;
        try (OutputStream gz =
                        new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(gzip), CHUNK), 1 << 16);
                OutputStream zs = zstd == null
                        ? OutputStream.nullOutputStream()
                        : new ZstdOutputStream(new BufferedOutputStream(Files.newOutputStream(zstd), CHUNK), 3);
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(counted = new CountingOutputStream(new Tee(gz, zs)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (long n = 0; counted.count() < targetBytes; n++) {
                String dir = directoryFor(n);
                if (n % 97 == 0) {
                    String name = (n % 5 == 0 ? "usr/lib/node_modules/pkg" + n + "/" : dir)
                            + INTERESTING[(int) (n / 97 % INTERESTING.length)];
                    writeFile(tar, name, 512 + random.nextInt(40_000), 0);
                    boolean usr = name.startsWith("usr/");
                    interesting += usr ? 0 : 1;
                    underUsr += usr ? 1 : 0;
                } else if (n % 1009 == 0) {
                    TarArchiveEntry link = new TarArchiveEntry(dir + "current", TarConstants.LF_SYMLINK);
                    link.setLinkName("../lib" + n % 7);
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                } else if (n % 2003 == 0) {
                    writeFile(tar, dir + ".wh.stale" + n, 0, 0);
                } else {
                    writeFile(tar, dir + "f" + n + extension(n), fileSize(), (int) (n % 20));
                }
                entries++;
            }
            tar.finish();
            return new Written(gzip, zstd, counted.count(), entries, interesting, underUsr);
        }
    }

    private String directoryFor(long n) {
        long tree = n / 40;
        return switch ((int) (tree % 4)) {
            case 0 -> "app/node_modules/mod" + tree + "/lib/";
            case 1 -> "opt/service/lib/v" + tree % 13 + "/";
            case 2 -> "usr/share/doc/pkg" + tree + "/";
            default -> "srv/data/part" + tree % 29 + "/sub" + tree + "/";
        };
    }

    private static String extension(long n) {
        return switch ((int) (n % 5)) {
            case 0 -> ".js";
            case 1 -> ".so";
            case 2 -> ".jar";
            case 3 -> ".txt";
            default -> ".bin";
        };
    }

    /**
     * Mostly small files, a long tail of big ones: 88 % under 16 KiB, 0.1 % between 4 and 32 MiB; about 60 KiB
     * on average, so a 1 GiB layer has some 18,000 entries (a node_modules layer has smaller files still, a Java
     * layer fewer and larger ones).
     */
    private int fileSize() {
        double r = random.nextDouble();
        if (r < 0.88) {
            return 256 + random.nextInt(16 << 10);
        }
        if (r < 0.99) {
            return (16 << 10) + random.nextInt(240 << 10);
        }
        if (r < 0.999) {
            return (256 << 10) + random.nextInt(15 << 18);
        }
        return (4 << 20) + random.nextInt(28 << 20);
    }

    /** Kind by {@code mix}: 0-8 text, 9-15 incompressible, 16-19 structured. */
    private void writeFile(TarArchiveOutputStream tar, String name, int size, int mix) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        for (int left = size; left > 0; ) {
            int n = Math.min(left, CHUNK);
            if (mix <= 8
                    || name.endsWith(".json")
                    || name.endsWith(".xml")
                    || name.endsWith(".mod")
                    || name.endsWith(".txt")
                    || name.endsWith(".lock")) {
                text(n);
            } else if (mix <= 15) {
                noise(0, n);
            } else {
                structured(n);
            }
            tar.write(chunk, 0, n);
            left -= n;
        }
        tar.closeArchiveEntry();
    }

    private void text(int n) {
        int from = random.nextInt(corpus.length - n + 1);
        System.arraycopy(corpus, from, chunk, 0, n);
    }

    private void noise(int from, int to) {
        for (int i = from; i < to; ) {
            long bits = random.nextLong();
            for (int b = 0; b < 8 && i < to; b++, i++) {
                chunk[i] = (byte) (bits >>> (b * 8));
            }
        }
    }

    /** 4 KiB blocks: half noise, a third zeros, the rest text, like an ELF file's sections. */
    private void structured(int n) {
        for (int at = 0; at < n; at += 4096) {
            int end = Math.min(n, at + 4096);
            int kind = random.nextInt(6);
            if (kind < 3) {
                noise(at, end);
            } else if (kind < 5) {
                Arrays.fill(chunk, at, end, (byte) 0);
            } else {
                System.arraycopy(corpus, random.nextInt(corpus.length - 4096), chunk, at, end - at);
            }
        }
    }

    /** Writes one tar stream to both compressors; each is closed by its own try-with-resources. */
    private static final class Tee extends FilterOutputStream {
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            super(first);
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void close() {
            // the compressors finish when their own resources close
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Text built from a Zipf-like draw of pseudo-words: compresses roughly like source code and JSON. */
    private static final class TextCorpus {
        static byte[] generate(int size, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            String[] words = new String[4000];
            for (int i = 0; i < words.length; i++) {
                StringBuilder word = new StringBuilder();
                for (int len = 2 + random.nextInt(9); len > 0; len--) {
                    word.append((char) ('a' + random.nextInt(26)));
                }
                words[i] = word.toString();
            }
            StringBuilder text = new StringBuilder(size + 64);
            String[] separators = {" ", " ", " ", " ", ", ", ".\n", "();\n  ", " = ", "\": \"", "\n"};
            while (text.length() < size) {
                double r = random.nextDouble();
                text.append(words[(int) (words.length * r * r * r)])
                        .append(separators[random.nextInt(separators.length)]);
            }
            return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
