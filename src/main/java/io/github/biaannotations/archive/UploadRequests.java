package io.github.biaannotations.archive;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a push's upload requests, a few at once ({@link UploadLimits#inFlight}), each retried on its own as
 * {@link ArchiveClient#upload} does. The first request that fails for good stops the others (those on their way
 * finish but are not tried again, those not started are never sent) and is what the push reports; what the
 * archive received whole stays there for the next push to skip.
 */
final class UploadRequests {

	private final ArchiveClient client;
	private final ProgressMeter meter;
	private final int inFlight;

	UploadRequests(final ArchiveClient client, final ProgressMeter meter, final int inFlight) {
		this.client = client;
		this.meter = meter;
		this.inFlight = inFlight;
	}

	/** Sends every request into {@code folder} (each into the folder of its files) and returns when all are done. */
	void send(final String folder, final List<List<PackageFiles.Entry>> requests) throws ArchiveException {
		final int threads = Math.min(inFlight, requests.size());
		if (threads <= 1) {
			for (final List<PackageFiles.Entry> r : requests) {
				send(folder, r, 1);
			}
			return;
		}
		final AtomicInteger n = new AtomicInteger();
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "bia-upload-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		for (final List<PackageFiles.Entry> r : requests) {
			if (pool.isShutdown()) break; // a request failed for good already
			final Runnable task = () -> {
				if (failure.get() != null) return;
				try {
					send(folder, r, threads);
				}
				catch (final ArchiveException | RuntimeException | Error e) {
					// the first failure is the push's; the others' (interrupted) are its consequence
					if (failure.compareAndSet(null, e)) pool.shutdownNow();
				}
			};
			try {
				pool.execute(task);
			}
			catch (final RejectedExecutionException e) {
				break; // shut down by a request that failed for good meanwhile
			}
		}
		pool.shutdown();
		try {
			while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
				// uploads take their time
			}
		}
		catch (final InterruptedException e) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
			throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted while uploading", e);
		}
		final Throwable f = failure.get();
		if (f instanceof ArchiveException) throw (ArchiveException) f;
		if (f instanceof RuntimeException) throw (RuntimeException) f;
		if (f != null) throw (Error) f;
	}

	private void send(final String folder, final List<PackageFiles.Entry> files, final int alongside)
		throws ArchiveException
	{
		final String parent = files.get(0).parent();
		final ProgressMeter.Request progress = meter.request(files);
		client.upload(new UploadBody(parent.isEmpty() ? folder : folder + "/" + parent, files), alongside, progress,
			progress::restart);
		progress.done();
	}
}
