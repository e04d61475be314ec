package io.huiju.hub.console.upload;

import io.huiju.hub.store.PayloadStore;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Double submits of the console's upload form: the same bytes with the same mapping from the same user within
 * {@code huiju.console.upload.repeat-window} are answered with the payload of the first, not taken as a second one.
 * The hub's own duplicate check does not cover this: it only knows payloads that are finished, and a double click
 * sends the second copy while the first is still being read. A first copy that was rejected or failed does not count:
 * sending it again after reading its receipt is a retry, as for every channel. Kept in memory: a console session lives
 * on one node.
 */
@Component
public class RepeatedUploads {

    /** How long a repeat waits for the first copy's payload id (the first waits for its receipt up to 30 s). */
    private static final long LONGEST_WAIT_SECONDS = 60;

    /** An upload being handed over: the first of its bytes, or a repeat of an earlier one. */
    public final class Claim implements AutoCloseable {
        private final String key;
        private final Entry entry;
        private final boolean first;

        private Claim(String key, Entry entry, boolean first) {
            this.key = key;
            this.entry = entry;
            this.first = first;
        }

        /** The payload of the earlier copy when this is a repeat; empty when this upload is to be submitted. */
        public Optional<String> earlier() throws IOException {
            if (first) {
                return Optional.empty();
            }
            try {
                return Optional.of(entry.payloadId().get(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                // the first copy was refused: this one is handed over on its own
                return Optional.empty();
            } catch (TimeoutException e) {
                throw new IOException("the same file is still being uploaded", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        public void submitted(String payloadId) {
            entry.payloadId().complete(payloadId);
        }

        /** A first copy that was not submitted frees its bytes for the next upload. */
        @Override
        public void close() {
            if (first && !entry.payloadId().isDone()) {
                entry.payloadId().completeExceptionally(new IllegalStateException("not submitted"));
                recent.remove(key, entry);
            }
        }
    }

    private record Entry(CompletableFuture<String> payloadId, Instant at) {}

    private static final Set<String> RETRIED = Set.of("REJECTED", "FAILED");

    private final Map<String, Entry> recent = new ConcurrentHashMap<>();
    private final UploadProperties properties;
    private final PayloadStore payloads;
    private final Clock clock;

    RepeatedUploads(UploadProperties properties, PayloadStore payloads, Clock clock) {
        this.properties = properties;
        this.payloads = payloads;
        this.clock = clock;
    }

    /** Claims the file for the user and mapping (null: the department's). */
    public Claim claim(String username, String mapping, MultipartFile file) throws IOException {
        Instant now = clock.instant();
        Instant since = now.minus(properties.getRepeatWindow());
        recent.values().removeIf(e -> e.at().isBefore(since) || retried(e));
        String key = username + ":" + mapping + ":" + sha256(file);
        Entry mine = new Entry(new CompletableFuture<>(), now);
        Entry held = recent.compute(
                key,
                (k, old) -> old != null
                                && old.at().isAfter(since)
                                && !old.payloadId().isCompletedExceptionally()
                        ? old
                        : mine);
        return new Claim(key, held, held == mine);
    }

    private boolean retried(Entry e) {
        return e.payloadId().isDone()
                && !e.payloadId().isCompletedExceptionally()
                && payloads.find(e.payloadId().join())
                        .map(r -> RETRIED.contains(r.status()))
                        .orElse(false);
    }

    private static String sha256(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
