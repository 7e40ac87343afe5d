package dev.catapult.cli.release;

import dev.catapult.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The git clone the CLI runs in (or {@code --repo DIR}), found by looking upward for {@code .git}. */
public final class LocalRepository implements AutoCloseable {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private final Repository repository;

    private LocalRepository(Repository repository) {
        this.repository = repository;
    }

    public static LocalRepository open(Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw CliException.usage("not a git repository: " + directory.toAbsolutePath() + " (use --repo DIR)");
        }
        try {
            return new LocalRepository(builder.setMustExist(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open git repository " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    public Repository repository() {
        return repository;
    }

    /** Resolves a revision (branch, tag, short sha, {@code HEAD~2}) to a commit id. */
    public ObjectId resolve(String revision) {
        try {
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw CliException.usage("unknown git revision '" + revision + "'");
            }
            return id;
        } catch (IOException e) {
            throw CliException.usage("cannot resolve git revision '" + revision + "': " + e.getMessage());
        }
    }

    /**
     * A full sha for {@code revision}: taken as is when it already is one, otherwise resolved in the local
     * clone at {@code directory}. Lets {@code --contains}/{@code --commit} accept {@code HEAD} or a short sha.
     */
    public static String fullSha(String revision, Path directory) {
        if (FULL_SHA.matcher(revision).matches()) {
            return revision.toLowerCase(Locale.ROOT);
        }
        try (LocalRepository repo = open(directory)) {
            return repo.resolve(revision).name();
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
