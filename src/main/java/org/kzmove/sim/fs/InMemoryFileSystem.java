package org.kzmove.sim.fs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A thread-safe in-memory file tree; directories are implied entries with a null content. */
public final class InMemoryFileSystem implements SimFileSystem {
    private static final Object DIRECTORY = new Object();

    private final Map<String, Object> entries = new TreeMap<>();

    public InMemoryFileSystem() {
        entries.put("/", DIRECTORY);
    }

    @Override
    public synchronized boolean exists(String path) {
        return entries.containsKey(norm(path));
    }

    @Override
    public synchronized boolean isDirectory(String path) {
        return entries.get(norm(path)) == DIRECTORY;
    }

    @Override
    public synchronized Optional<byte[]> read(String path) {
        Object e = entries.get(norm(path));
        if (e instanceof ByteArrayOutputStream buf) {
            return Optional.of(buf.toByteArray());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void write(String path, byte[] content) throws SimFileException {
        String p = norm(path);
        ByteArrayOutputStream buf = fileForWriting(p);
        buf.reset();
        buf.writeBytes(content);
        notifyAll();
    }

    @Override
    public synchronized void append(String path, byte[] content) throws SimFileException {
        String p = norm(path);
        fileForWriting(p).writeBytes(content);
        notifyAll();
    }

    private ByteArrayOutputStream fileForWriting(String p) throws SimFileException {
        Object e = entries.get(p);
        if (e == DIRECTORY) {
            throw new SimFileException(p + ": Is a directory");
        }
        if (e instanceof ByteArrayOutputStream buf) {
            return buf;
        }
        if (entries.get(parent(p)) != DIRECTORY) {
            throw new SimFileException(p + ": No such file or directory");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        entries.put(p, buf);
        return buf;
    }

    @Override
    public synchronized void mkdirs(String path) throws SimFileException {
        String p = norm(path);
        List<String> chain = new ArrayList<>();
        for (String q = p; !q.equals("/"); q = parent(q)) {
            chain.add(0, q);
        }
        for (String q : chain) {
            Object e = entries.get(q);
            if (e == null) {
                entries.put(q, DIRECTORY);
            } else if (e != DIRECTORY) {
                throw new SimFileException(q + ": File exists");
            }
        }
    }

    @Override
    public synchronized void delete(String path) throws SimFileException {
        String p = norm(path);
        Object e = entries.get(p);
        if (e == null) {
            throw new SimFileException(p + ": No such file or directory");
        }
        if (e == DIRECTORY && !list(p).isEmpty()) {
            throw new SimFileException(p + ": Directory not empty");
        }
        if (p.equals("/")) {
            throw new SimFileException("/: Device busy");
        }
        entries.remove(p);
        notifyAll();
    }

    @Override
    public synchronized List<String> list(String path) {
        String p = norm(path);
        if (entries.get(p) != DIRECTORY) {
            return List.of();
        }
        String prefix = p.equals("/") ? "/" : p + "/";
        List<String> names = new ArrayList<>();
        for (String key : ((TreeMap<String, Object>) entries).tailMap(prefix, false).keySet()) {
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
        Object e = entries.get(norm(path));
        return e instanceof ByteArrayOutputStream buf ? buf.size() : -1;
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
}
