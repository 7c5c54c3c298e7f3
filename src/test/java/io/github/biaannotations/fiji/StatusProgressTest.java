package io.github.biaannotations.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

/** Core progress reaches Fiji's status bar as SciJava status events. */
class StatusProgressTest {

	/** Listens as Fiji's status bar does. */
	public static final class StatusBar {

		final List<String> shown = new ArrayList<>();

		@EventHandler
		public void onEvent(final StatusEvent e) {
			synchronized (shown) {
				shown.add(e.getStatusMessage() + " " + e.getProgressValue() + "/" + e.getProgressMaximum());
			}
		}
	}

	private static List<String> shown(final StatusBar bar) {
		synchronized (bar.shown) {
			return new ArrayList<>(bar.shown);
		}
	}

	@Test
	void theLabelOmeZarrOfAnExportReachesTheStatusBarPlaneByPlane(@org.junit.jupiter.api.io.TempDir final
		java.nio.file.Path tmp) throws Exception
	{
		final Context context = new Context(StatusService.class, EventService.class, AnnotationExportService.class);
		try {
			final StatusBar bar = new StatusBar();
			context.service(EventService.class).subscribe(bar);
			final io.github.biaannotations.demo.SampleData.SampleFiles sample = io.github.biaannotations.demo.SampleData
				.standard().write(tmp.resolve("sample"));
			context.service(AnnotationExportService.class).exportFiles(sample.image.toFile(), null, sample.labels
				.toFile(), tmp.resolve("pkg").toFile(), null);
			final long until = System.currentTimeMillis() + 10_000;
			while (shown(bar).stream().noneMatch(s -> s.startsWith("nuclei_labels.ome.zarr 1/1")) && System
				.currentTimeMillis() < until)
				Thread.sleep(20);
			assertTrue(shown(bar).contains("nuclei_labels.ome.zarr 1/1"), shown(bar).toString());
		}
		finally {
			context.dispose();
		}
	}

	@Test
	void stagesAndCountsReachTheStatusBar() throws InterruptedException {
		final Context context = new Context(StatusService.class, EventService.class);
		try {
			final StatusBar bar = new StatusBar();
			context.service(EventService.class).subscribe(bar);
			final StatusProgress p = new StatusProgress(context.service(StatusService.class));
			p.update("Exporting nuclei.tif", 3, 10);
			p.update("Reading RoiSet.zip", 5, -1);
			p.update("Huge", 3_000_000_000L, 6_000_000_000L);
			p.done();
			// some status events are delivered later, on the event thread
			final long until = System.currentTimeMillis() + 10_000;
			while (shown(bar).size() < 4 && System.currentTimeMillis() < until)
				Thread.sleep(20);
			final List<String> shown = shown(bar);
			assertEquals(4, shown.size(), "three updates and the clearing: " + shown);
			assertTrue(shown.contains("Exporting nuclei.tif 3/10"), shown.toString());
			assertTrue(shown.stream().anyMatch(s -> s.startsWith("Reading RoiSet.zip")), shown.toString());
			assertTrue(shown.contains("Huge 500/1000"), "counts beyond int are scaled to per mille: " + shown);
			new StatusProgress(null).update("no status service: ignored", 1, 2);
		}
		finally {
			context.dispose();
		}
	}
}
