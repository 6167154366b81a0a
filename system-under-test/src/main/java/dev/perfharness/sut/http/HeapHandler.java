package dev.perfharness.sut.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /internal/heap}: heap in use after full collections, for footprint measurements (bytes
 * per connection, per subscription) taken from outside the process, so the client's own objects are
 * not counted. It collects until two readings agree within 0.1 %: a stop-the-world pause, never to be
 * called under load.
 */
public final class HeapHandler extends Handler.Abstract {
    private static final int MAX_COLLECTIONS = 10;

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        int collections = 0;
        while (collections < MAX_COLLECTIONS) {
            System.gc();
            collections++;
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 1000) {
                break;
            }
            previous = used;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("used_bytes", used);
        body.put("collections", collections);
        JsonResponse.send(response, 200, body, callback);
        return true;
    }
}
