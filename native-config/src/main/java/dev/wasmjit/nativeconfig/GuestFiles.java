package dev.wasmjit.nativeconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The files a guest may reach: the directories the host granted (WASI's preopened directories,
 * as {@code wasmtime run --dir} grants them), and the files it opened under them.
 *
 * <p>Each granted directory is file descriptor 3, 4, ... in the order given; files the guest
 * opens get the next free numbers. A path the guest gives is resolved inside its directory and
 * refused ({@code ENOTCAPABLE}) when it would leave it: through {@code ..}, an absolute path, or
 * a symbolic link that points outside. With no directory granted, nothing is reachable.
 *
 * <p>Methods return WASI errno values; the caller writes results into guest memory.
 */
public final class GuestFiles implements AutoCloseable {

    /** A directory the host grants the guest. */
    public record Preopen(Path host, String guestName) {
        /**
         * @param host      the host directory; it must exist
         * @param guestName the name the guest sees it by, such as {@code .} or {@code /data}
         */
        public Preopen {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(guestName, "guestName");
            if (guestName.isEmpty()) {
                throw new IllegalArgumentException("a granted directory needs a name for the guest");
            }
        }
    }

    static final int ESUCCESS = 0;
    static final int EACCES = 2;
    static final int EBADF = 8;
    static final int EEXIST = 20;
    static final int EINVAL = 28;
    static final int EIO = 29;
    static final int EISDIR = 31;
    static final int ENOENT = 44;
    static final int ENOTDIR = 54;
    static final int ENOTCAPABLE = 76;

    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_EXCL = 4;
    static final int O_TRUNC = 8;
    static final int FDFLAG_APPEND = 1;
    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_WRITE = 1L << 6;

    static final byte FILETYPE_DIRECTORY = 3;
    static final byte FILETYPE_REGULAR_FILE = 4;

    private static final int FIRST_FD = 3;

    private final List<Path> roots = new ArrayList<>();
    private final List<byte[]> names = new ArrayList<>();
    private final Map<Integer, FileChannel> files = new HashMap<>();
    private final Set<Integer> writable = new HashSet<>();

    /**
     * @param preopens the directories granted, in file-descriptor order
     * @throws IllegalArgumentException if one is not an existing directory
     */
    public GuestFiles(List<Preopen> preopens) {
        for (Preopen preopen : preopens) {
            try {
                roots.add(preopen.host().toRealPath());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot grant " + preopen.host() + ": " + e.getMessage(), e);
            }
            if (!Files.isDirectory(roots.get(roots.size() - 1))) {
                throw new IllegalArgumentException("cannot grant " + preopen.host() + ": not a directory");
            }
            names.add(preopen.guestName().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether fd is a granted directory. */
    boolean isDirectory(int fd) {
        return fd >= FIRST_FD && fd < FIRST_FD + roots.size();
    }

    /** Whether fd is a file the guest opened. */
    boolean isFile(int fd) {
        return files.containsKey(fd);
    }

    boolean isWritable(int fd) {
        return writable.contains(fd);
    }

    /** The guest's name of a granted directory, or null. */
    byte[] directoryName(int fd) {
        return isDirectory(fd) ? names.get(fd - FIRST_FD) : null;
    }

    /** path_open: the new file descriptor in {@code fdOut[0]}, or an errno. */
    int open(int dirFd, String path, int oflags, long rightsBase, int fdflags, int[] fdOut) {
        if (!isDirectory(dirFd)) {
            return EBADF;
        }
        Path root = roots.get(dirFd - FIRST_FD);
        Path target = inside(root, path);
        if (target == null) {
            return ENOTCAPABLE;
        }
        if ((oflags & O_DIRECTORY) != 0) {
            return Files.isDirectory(target) ? ENOTCAPABLE : ENOTDIR;  // no directory listing here
        }
        if (Files.isDirectory(target)) {
            return EISDIR;
        }
        boolean write = (rightsBase & RIGHT_FD_WRITE) != 0;
        List<OpenOption> options = new ArrayList<>();
        options.add(StandardOpenOption.READ);
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((oflags & O_CREAT) != 0) {
            options.add((oflags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((oflags & O_TRUNC) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & FDFLAG_APPEND) != 0) {
            options.add(StandardOpenOption.APPEND);
        }
        options.add(LinkOption.NOFOLLOW_LINKS);
        try {
            FileChannel channel = FileChannel.open(target, options.toArray(OpenOption[]::new));
            int fd = FIRST_FD + roots.size();
            while (files.containsKey(fd)) {
                fd++;
            }
            files.put(fd, channel);
            if (write) {
                writable.add(fd);
            }
            fdOut[0] = fd;
            return ESUCCESS;
        } catch (NoSuchFileException e) {
            return ENOENT;
        } catch (FileAlreadyExistsException e) {
            return EEXIST;
        } catch (IOException | SecurityException e) {
            return EACCES;
        }
    }

    /** fd_read into {@code into}; the count in {@code countOut[0]}. */
    int read(int fd, ByteBuffer into, int[] countOut) {
        FileChannel channel = files.get(fd);
        if (channel == null) {
            return EBADF;
        }
        try {
            int n = channel.read(into);
            countOut[0] = Math.max(n, 0);
            return ESUCCESS;
        } catch (IOException e) {
            return EIO;
        }
    }

    /** fd_write of all of {@code from}. */
    int write(int fd, ByteBuffer from) {
        FileChannel channel = files.get(fd);
        if (channel == null || !writable.contains(fd)) {
            return EBADF;
        }
        try {
            while (from.hasRemaining()) {
                channel.write(from);
            }
            return ESUCCESS;
        } catch (IOException e) {
            return EIO;
        }
    }

    /** fd_close of a file (granted directories stay open). */
    int close(int fd) {
        FileChannel channel = files.remove(fd);
        writable.remove(fd);
        if (channel == null) {
            return isDirectory(fd) ? ESUCCESS : EBADF;
        }
        try {
            channel.close();
            return ESUCCESS;
        } catch (IOException e) {
            return EIO;
        }
    }

    /** path_filestat_get: the file's type and size in {@code out} (type, size), or an errno. */
    int stat(int dirFd, String path, long[] out) {
        if (!isDirectory(dirFd)) {
            return EBADF;
        }
        Path target = inside(roots.get(dirFd - FIRST_FD), path);
        if (target == null) {
            return ENOTCAPABLE;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            out[0] = attributes.isDirectory() ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE;
            out[1] = attributes.size();
            return ESUCCESS;
        } catch (NoSuchFileException e) {
            return ENOENT;
        } catch (IOException | SecurityException e) {
            return EACCES;
        }
    }

    /** path_unlink_file. */
    int unlink(int dirFd, String path) {
        if (!isDirectory(dirFd)) {
            return EBADF;
        }
        Path target = inside(roots.get(dirFd - FIRST_FD), path);
        if (target == null) {
            return ENOTCAPABLE;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return EISDIR;
        }
        try {
            Files.delete(target);
            return ESUCCESS;
        } catch (NoSuchFileException e) {
            return ENOENT;
        } catch (IOException | SecurityException e) {
            return EACCES;
        }
    }

    /**
     * The path inside root, or null when it would lead outside: an absolute path, {@code ..}
     * past the root, or a symbolic link on the way that points outside it.
     */
    private static Path inside(Path root, String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
            return null;
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
            return null;
        }
        // Every existing step must stay inside once links are followed.
        for (Path step = target; step != null && step.startsWith(root) && !step.equals(root); step = step.getParent()) {
            if (Files.exists(step, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (!step.toRealPath().startsWith(root)) {
                        return null;
                    }
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return target;
    }

    /** Closes every file the guest left open. */
    @Override
    public void close() {
        for (FileChannel channel : files.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                // the others still need closing
            }
        }
        files.clear();
        writable.clear();
    }
}
