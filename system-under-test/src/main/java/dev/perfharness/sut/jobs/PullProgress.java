package dev.perfharness.sut.jobs;

import java.util.List;

/** What a puller reports about the one job it is running; each call becomes a new snapshot and an event. */
public interface PullProgress {

    /** The layers as they stand now (the whole list: a puller knows them all from the manifest). */
    void layers(List<LayerProgress> layers);

    void completed();

    void failed(String reason);
}
