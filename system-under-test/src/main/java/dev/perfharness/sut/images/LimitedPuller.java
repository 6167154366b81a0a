package dev.perfharness.sut.images;

import dev.perfharness.sut.jobs.ImagePuller;
import dev.perfharness.sut.jobs.LayerProgress;
import dev.perfharness.sut.jobs.PullJob;
import dev.perfharness.sut.jobs.PullProgress;
import java.util.List;

/**
 * Puts any puller behind a {@link PullLimiter}: a job stays pending until it gets a permit, and gives the
 * permit back when it completes or fails. {@code POST /api/v1/images/pull} and {@code pull-batch} share
 * one limiter, so a single pull waits its turn behind a batch like any other.
 */
public final class LimitedPuller implements ImagePuller {
    private final ImagePuller puller;
    private final PullLimiter limiter;

    public LimitedPuller(ImagePuller puller, PullLimiter limiter) {
        this.puller = puller;
        this.limiter = limiter;
    }

    @Override
    public void start(PullJob job, PullProgress progress) {
        limiter.submit(permit -> puller.start(job, new Releasing(progress, permit)), progress::failed);
    }

    public PullLimiter limiter() {
        return limiter;
    }

    /** The puller it limits. */
    public ImagePuller puller() {
        return puller;
    }

    /** Refuses the pulls still waiting, then stops those in flight. */
    @Override
    public void close() {
        try {
            limiter.close();
        } finally {
            puller.close();
        }
    }

    /** Passes progress on, and gives the permit back once the pull has ended either way. */
    private record Releasing(PullProgress progress, PullLimiter.Permit permit) implements PullProgress {

        @Override
        public void layers(List<LayerProgress> layers) {
            progress.layers(layers);
        }

        @Override
        public void completed() {
            try {
                progress.completed();
            } finally {
                permit.release();
            }
        }

        @Override
        public void failed(String reason) {
            try {
                progress.failed(reason);
            } finally {
                permit.release();
            }
        }
    }
}
