package io.streamvane.ingress.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit without ever buffering more than the limit plus one chunk. */
final class BoundedBody {

    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {
    }

    /**
     * @param declaredLength the Content-Length, or -1 when unknown (chunked)
     * @throws BodyTooLargeException as soon as the declared or the read length exceeds {@code limit}
     */
    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw new BodyTooLargeException(declaredLength, limit);
        }
        int initial = (int) Math.min(declaredLength >= 0 ? declaredLength : CHUNK, limit);
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(initial, 32));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int read;
        while ((read = in.read(chunk, 0, (int) Math.min(CHUNK, limit - total + 1))) != -1) {
            total += read;
            if (total > limit) {
                throw new BodyTooLargeException(-1, limit);
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /** The body is over the limit; {@code length} is the declared length, or -1 when it was found while reading. */
    static final class BodyTooLargeException extends RuntimeException {

        final long length;
        final long limit;

        BodyTooLargeException(long length, long limit) {
            super(length >= 0
                    ? "body is " + length + " bytes, the limit is " + limit
                    : "body exceeds the limit of " + limit + " bytes");
            this.length = length;
            this.limit = limit;
        }
    }
}
