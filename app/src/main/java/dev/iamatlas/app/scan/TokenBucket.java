package dev.iamatlas.app.scan;

import java.util.concurrent.TimeUnit;

/**
 * Paces calls against one API quota: a token bucket that refills at {@code rate} tokens a second up to
 * {@code burst} tokens, where each call takes one token and waits for it when there is none. Waiters are served in
 * the order they arrive (each reserves its slot), so no caller starves.
 *
 * <p>Adaptive: a throttling answer lowers the rate by a quarter (not below a tenth of the documented rate), and each
 * success raises it again by a twentieth of the documented rate, so a quota that is tighter than documented (or
 * shared with other tools) is found quickly and left again when the pressure goes.
 */
final class TokenBucket {
    private final String name;
    private final double maxRate;
    private final double minRate;
    private final double burst;
    private double rate;
    private double tokens;
    private long updatedNanos;
    private long throttles;

    /**
     * @param name a label for logs, such as {@code lambda/eu-west-1/GetPolicy}
     * @param rate tokens per second, the documented quota
     * @param burst the bucket's size: how many calls may go at once after a pause
     */
    TokenBucket(String name, double rate, double burst) {
        if (!(rate > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException(name + ": rate must be > 0 and burst >= 1, not " + rate + ", " + burst);
        }
        this.name = name;
        this.maxRate = rate;
        this.minRate = rate / 10;
        this.burst = burst;
        this.rate = rate;
        this.tokens = burst;
        this.updatedNanos = System.nanoTime();
    }

    /**
     * Takes one token, waiting as long as needed.
     *
     * @throws InterruptedException when the scan is cancelled while waiting
     */
    void acquire() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / rate * 1e9);
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** The service answered "slow down": lower the rate. */
    synchronized void onThrottle() {
        refill();
        throttles++;
        rate = Math.max(minRate, rate * 0.75);
    }

    /** A call succeeded: creep back towards the documented rate. */
    synchronized void onSuccess() {
        if (rate < maxRate) {
            refill();
            rate = Math.min(maxRate, rate + maxRate / 20);
        }
    }

    synchronized double currentRate() {
        return rate;
    }

    synchronized long throttles() {
        return throttles;
    }

    String name() {
        return name;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * rate);
        updatedNanos = now;
    }
}
