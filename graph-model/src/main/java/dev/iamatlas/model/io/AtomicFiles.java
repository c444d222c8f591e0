package dev.iamatlas.model.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/** Writes files atomically: to a temporary file in the same folder, then moved over the target. */
public final class AtomicFiles {

    /** Who may read the file that is written. */
    public enum Access {
        /** Only the owner ({@code rw-------}): snapshots and reports describe an account's security. */
        OWNER_ONLY,
        /** The platform's default permissions: diagrams meant for sharing. */
        DEFAULT
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target}: first to a temporary file beside it, then moved into place, so
     * that readers see either the old file or the complete new one. On failure the temporary file is removed
     * and {@code target} is unchanged.
     *
     * <p>A target that exists and is not a regular file — a device such as {@code /dev/null} or {@code /dev/stdout},
     * a named pipe — cannot be replaced (and must not be: replacing {@code /dev/null} as root breaks the system), so
     * it is written to directly. A folder is refused.
     *
     * @throws IOException with a message that names {@code target} and the problem
     */
    public static void write(Path target, Access access, Content content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder; give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IOException(target + ": could not be written (" + describe(e) + ")", e);
            }
            return;
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(target + ": folder " + dir + " does not exist");
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp", permissions(dir, access));
        } catch (IOException e) {
            throw new IOException(target + ": cannot write here (" + describe(e) + ")", e);
        }
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new IOException(target + ": could not be written (" + describe(e) + ")", e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static FileAttribute<?>[] permissions(Path dir, Access access) throws IOException {
        boolean posix = Files.getFileStore(dir == null ? Path.of(".") : dir)
                .supportsFileAttributeView("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> perms = access == Access.OWNER_ONLY
                ? PosixFilePermissions.fromString("rw-------")
                : PosixFilePermissions.fromString("rw-r--r--");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    /** A short cause for messages: Java's file exceptions carry only the path as message. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
