package org.kzmove.sim.fs;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.kzmove.sim.fs.SimFileException.Reason;

/**
 * A thread-safe in-memory file tree with Unix owners, groups and modes. The root directory is
 * root's, mode 755; see {@link SimFileSystem} for the permission rules.
 */
public final class InMemoryFileSystem implements SimFileSystem {
    private static final int READ = 4;
    private static final int WRITE = 2;
    private static final int SEARCH = 1;

    /** One file or directory; a directory has no content. */
    private static final class Node {
        final ByteArrayOutputStream content;
        int mode;
        int uid;
        int gid;
        Instant modified;

        Node(boolean directory, int mode, int uid, int gid, Instant modified) {
            this.content = directory ? null : new ByteArrayOutputStream();
            this.mode = mode;
            this.uid = uid;
            this.gid = gid;
            this.modified = modified;
        }

        boolean isDirectory() {
            return content == null;
        }
    }

    private final TreeMap<String, Node> entries = new TreeMap<>();
    private volatile Supplier<Instant> clock = () -> Instant.EPOCH;

    public InMemoryFileSystem() {
        entries.put("/", new Node(true, 0755, 0, 0, Instant.EPOCH));
    }

    @Override
    public void timeSource(Supplier<Instant> now) {
        this.clock = now;
    }

    @Override
    public synchronized boolean exists(String path) {
        return entries.containsKey(norm(path));
    }

    @Override
    public synchronized boolean isDirectory(String path) {
        Node n = entries.get(norm(path));
        return n != null && n.isDirectory();
    }

    @Override
    public synchronized Optional<SimFileStat> stat(String path) {
        String p = norm(path);
        Node n = entries.get(p);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isDirectory()) {
            return Optional.of(new SimFileStat(false, n.mode, n.uid, n.gid, n.content.size(), 1, n.modified));
        }
        List<String> names = list(p);
        int subdirs = (int) names.stream().filter(name -> entries.get(child(p, name)).isDirectory()).count();
        return Optional.of(new SimFileStat(true, n.mode, n.uid, n.gid, names.size() + 2L, 2 + subdirs, n.modified));
    }

    @Override
    public synchronized Optional<byte[]> read(String path) {
        Node n = entries.get(norm(path));
        return n != null && !n.isDirectory() ? Optional.of(n.content.toByteArray()) : Optional.empty();
    }

    @Override
    public synchronized byte[] read(String path, FileAccess who) throws SimFileException {
        String p = norm(path);
        Node n = existing(p, who);
        if (n.isDirectory()) {
            throw new SimFileException(Reason.IS_A_DIRECTORY, p);
        }
        require(n, who, READ, p);
        return n.content.toByteArray();
    }

    @Override
    public synchronized void write(String path, byte[] content, FileAccess who) throws SimFileException {
        ByteArrayOutputStream buf = fileForWriting(norm(path), who);
        buf.reset();
        buf.writeBytes(content);
        notifyAll();
    }

    @Override
    public synchronized void append(String path, byte[] content, FileAccess who) throws SimFileException {
        fileForWriting(norm(path), who).writeBytes(content);
        notifyAll();
    }

    private ByteArrayOutputStream fileForWriting(String p, FileAccess who) throws SimFileException {
        Node parent = searchableParent(p, who);
        Node n = entries.get(p);
        if (n != null) {
            if (n.isDirectory()) {
                throw new SimFileException(Reason.IS_A_DIRECTORY, p);
            }
            require(n, who, WRITE, p);
            n.modified = clock.get();
            return n.content;
        }
        require(parent, who, WRITE | SEARCH, p);
        Node created = new Node(false, 0666 & ~who.umask(), who.uid(), who.gid(), clock.get());
        entries.put(p, created);
        parent.modified = created.modified;
        return created.content;
    }

    @Override
    public synchronized void mkdir(String path, int mode, FileAccess who) throws SimFileException {
        String p = norm(path);
        if (p.equals("/")) {
            throw new SimFileException(Reason.FILE_EXISTS, p);
        }
        Node parent = searchableParent(p, who);
        if (entries.containsKey(p)) {
            throw new SimFileException(Reason.FILE_EXISTS, p);
        }
        require(parent, who, WRITE | SEARCH, p);
        Node created = new Node(true, mode & 07777, who.uid(), who.gid(), clock.get());
        entries.put(p, created);
        parent.modified = created.modified;
    }

    @Override
    public synchronized void mkdirs(String path) throws SimFileException {
        String p = norm(path);
        List<String> chain = new ArrayList<>();
        for (String q = p; !q.equals("/"); q = parent(q)) {
            chain.add(0, q);
        }
        for (String q : chain) {
            Node e = entries.get(q);
            if (e == null) {
                mkdir(q, 0755, FileAccess.ROOT);
            } else if (!e.isDirectory()) {
                throw new SimFileException(Reason.FILE_EXISTS, q);
            }
        }
    }

    @Override
    public synchronized void delete(String path, FileAccess who) throws SimFileException {
        String p = norm(path);
        if (p.equals("/")) {
            throw new SimFileException(Reason.DEVICE_BUSY, p);
        }
        Node parent = searchableParent(p, who);
        Node n = entries.get(p);
        if (n == null) {
            throw new SimFileException(Reason.NO_SUCH_FILE, p);
        }
        require(parent, who, WRITE | SEARCH, p);
        // sticky directory (/tmp, /var/tmp): only the entry's owner, the directory's owner or root
        if ((parent.mode & SimFileStat.STICKY) != 0 && !who.isRoot() && who.uid() != n.uid && who.uid() != parent.uid) {
            throw new SimFileException(Reason.PERMISSION_DENIED, p);
        }
        if (n.isDirectory() && !list(p).isEmpty()) {
            throw new SimFileException(Reason.DIRECTORY_NOT_EMPTY, p);
        }
        entries.remove(p);
        parent.modified = clock.get();
        notifyAll();
    }

    @Override
    public synchronized void chmod(String path, int mode) throws SimFileException {
        String p = norm(path);
        Node n = entries.get(p);
        if (n == null) {
            throw new SimFileException(Reason.NO_SUCH_FILE, p);
        }
        n.mode = mode & 07777;
    }

    @Override
    public synchronized void chown(String path, int uid, int gid) throws SimFileException {
        String p = norm(path);
        Node n = entries.get(p);
        if (n == null) {
            throw new SimFileException(Reason.NO_SUCH_FILE, p);
        }
        n.uid = uid;
        n.gid = gid;
    }

    @Override
    public synchronized List<String> list(String path) {
        String p = norm(path);
        Node dir = entries.get(p);
        if (dir == null || !dir.isDirectory()) {
            return List.of();
        }
        String prefix = p.equals("/") ? "/" : p + "/";
        List<String> names = new ArrayList<>();
        for (String key : entries.tailMap(prefix, false).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            if (!rest.isEmpty() && rest.indexOf('/') < 0) {
                names.add(rest);
            }
        }
        return names;
    }

    @Override
    public synchronized long size(String path) {
        Node n = entries.get(norm(path));
        return n != null && !n.isDirectory() ? n.content.size() : -1;
    }

    @Override
    public synchronized void awaitChange(String path, long knownSize, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (size(path) == knownSize) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** The node at p: every directory on the way must exist and be searchable by who. */
    private Node existing(String p, FileAccess who) throws SimFileException {
        searchableParent(p, who);
        Node n = entries.get(p);
        if (n == null) {
            throw new SimFileException(Reason.NO_SUCH_FILE, p);
        }
        return n;
    }

    /** The parent directory of p, after checking search permission on it and every directory above. */
    private Node searchableParent(String p, FileAccess who) throws SimFileException {
        String parentPath = parent(p);
        List<String> chain = new ArrayList<>();
        for (String q = parentPath; ; q = parent(q)) {
            chain.add(0, q);
            if (q.equals("/")) {
                break;
            }
        }
        Node dir = null;
        for (String q : chain) {
            dir = entries.get(q);
            if (dir == null) {
                throw new SimFileException(Reason.NO_SUCH_FILE, p);
            }
            if (!dir.isDirectory()) {
                throw new SimFileException(Reason.NOT_A_DIRECTORY, p);
            }
            require(dir, who, SEARCH, p);
        }
        return dir;
    }

    /** Solaris' owner-then-group-then-other check; root passes (execute on files is not asked for here). */
    private static void require(Node n, FileAccess who, int bits, String p) throws SimFileException {
        if (who.isRoot()) {
            return;
        }
        int granted;
        if (who.uid() == n.uid) {
            granted = n.mode >> 6 & 7;
        } else if (who.gid() == n.gid) {
            granted = n.mode >> 3 & 7;
        } else {
            granted = n.mode & 7;
        }
        if ((granted & bits) != bits) {
            throw new SimFileException(Reason.PERMISSION_DENIED, p);
        }
    }

    /** Collapses repeated slashes and a trailing slash; "." and ".." are resolved by the shell. */
    static String norm(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        String p = path.replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String parent(String p) {
        int i = p.lastIndexOf('/');
        return i <= 0 ? "/" : p.substring(0, i);
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
