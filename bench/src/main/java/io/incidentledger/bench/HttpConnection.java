package io.incidentledger.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread: what one client of the load is. A
 * blocking socket rather than java.net.http.HttpClient, whose single selector thread would be
 * part of every measured latency; this costs the client a few microseconds a request, so the
 * figures are the server's. Reconnects when the server closes the connection (Tomcat does after
 * 100 requests), as every real client must.
 */
final class HttpConnection implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response get(String path, String apiKey) {
        return send("GET", path, apiKey, null, null);
    }

    Response get(String path, String apiKey, String accept) {
        return send("GET", path, apiKey, accept, null);
    }

    Response post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, null, json);
    }

    private Response send(String method, String path, String apiKey, String accept, String json) {
        var body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        if (apiKey != null) {
            head.append("X-API-Key: ").append(apiKey).append("\r\n");
        }
        head.append("Accept: ").append(accept == null ? "application/json" : accept).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        var request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        try {
            return exchange(request, body);
        } catch (EOFException closedWhileIdle) {
            if (!reused) {
                throw new UncheckedIOException(closedWhileIdle);
            }
            // The server closed an idle connection before reading anything: nothing happened, send again.
            reset();
            try {
                return exchange(request, body);
            } catch (IOException e) {
                reset();
                throw new UncheckedIOException(e);
            }
        } catch (IOException e) {
            reset();
            throw new UncheckedIOException(e);
        }
    }

    private Response exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            reused = false;
        }
        var buffer = new ByteArrayOutputStream(head.length + body.length);
        buffer.write(head);
        buffer.write(body);
        out.write(buffer.toByteArray());
        out.flush();
        var status = readLine();
        if (status == null) {
            throw new EOFException("connection closed before a response");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (var line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            var lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        var content = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(readLine().strip(), 16); size > 0;
                 size = Long.parseLong(readLine().strip(), 16)) {
                copy(size, content);
                readLine();
            }
            for (var trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                // trailers carry nothing we read
            }
        } else if (length >= 0) {
            copy(length, content);
        } else {
            in.transferTo(content);
            close = true;
        }
        if (close) {
            reset();
        } else {
            reused = true;
        }
        return new Response(code, content.toString(StandardCharsets.UTF_8));
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
        var chunk = new byte[8192];
        while (length > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, length));
            if (n < 0) {
                throw new EOFException("body cut short");
            }
            to.write(chunk, 0, n);
            length -= n;
        }
    }

    private String readLine() throws IOException {
        var line = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    /** Drops the connection; the next request opens a new one. */
    void reset() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed by the peer
            }
        }
        socket = null;
        reused = false;
    }

    @Override
    public void close() {
        reset();
    }
}
