package dev.perfharness.profiles;

/**
 * The JVM {@link ServiceProfilerIT} profiles: one thread spins and one allocates, each inside a method
 * whose name appears nowhere else, until the given seconds have passed. It prints "ready" once both run.
 */
public final class ProfiledTarget {
    static volatile boolean running = true;
    static volatile long spun;
    static volatile Object allocated;

    private ProfiledTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[0]);
        Thread spinner = Thread.ofPlatform().name("spinner").start(ProfiledTarget::spinInADistinctivelyNamedMethod);
        Thread allocator = Thread.ofPlatform().name("allocator").start(ProfiledTarget::allocateInADistinctivelyNamedMethod);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(seconds * 1000);
        running = false;
        spinner.join();
        allocator.join();
    }

    // The loops live inside the named methods, so the frames stay on the stack even when the JIT inlines.
    static void spinInADistinctivelyNamedMethod() {
        long x = 1;
        while (running) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 31 + i;
            }
            spun = x;
        }
    }

    static void allocateInADistinctivelyNamedMethod() {
        while (running) {
            allocated = new byte[4096];
        }
    }
}
