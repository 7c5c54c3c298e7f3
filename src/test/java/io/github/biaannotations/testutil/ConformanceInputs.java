package io.github.biaannotations.testutil;


import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Arrow;
import ij.gui.EllipseRoi;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.RotatedRectRoi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.imagej.ImageJQuirks;
import io.github.biaannotations.imagej.RoiSetWriter;


/**
 * Inputs made in code for the conformance tests, which export them with the command line and hand the package to
 * the real consumers ({@link Consumers}): a calibrated 2D image with one ROI of every ImageJ type (named, grouped,
 * coloured, a multi-point ROI with counters, a text ROI, a ROI with a hole), its instance label image, and a
 * 2-channel, 4-slice, 2-frame stack with ROIs on single planes and on all planes, and a label stack.
 */
public final class ConformanceInputs {

	public final Path dir;
	public final Path image2d;
	public final Path rois2d;
	public final Path labels2d;
	public final Path stack;
	public final Path stackRois;
	public final Path stackLabels;
	public final Path metadata;

	private ConformanceInputs(final Path dir) {
		this.dir = dir;
		image2d = dir.resolve("cells.tif");
		rois2d = dir.resolve("cells_RoiSet.zip");
		labels2d = dir.resolve("cells_labels.tif");
		stack = dir.resolve("stack.tif");
		stackRois = dir.resolve("stack_RoiSet.zip");
		stackLabels = dir.resolve("stack_labels.tif");
		metadata = dir.resolve("metadata");
	}

	/** Writes every input into {@code dir}. */
	public static ConformanceInputs write(final Path dir) throws IOException {
		Files.createDirectories(dir);
		ImageJQuirks.apply();
		final ConformanceInputs in = new ConformanceInputs(dir);
		save(image2d(), in.image2d);
		RoiSetWriter.write(rois2d(), in.rois2d);
		save(labels2d(), in.labels2d);
		save(stack(), in.stack);
		RoiSetWriter.write(stackRois(), in.stackRois);
		save(stackLabels(), in.stackLabels);
		DemoMetadata.create().writeTemplates(in.metadata);
		return in;
	}

	/** A release date a week ahead (UTC), so that no export here would make a study public at once. */
	public static String releaseDate() {
		return LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
	}

	/**
	 * Runs {@code bia-annotations export} in this JVM with the metadata and a future release date, plus
	 * {@code args}; fails the test unless it exits 0. Returns the package folder {@code out}.
	 */
	public Path export(final Path out, final Object... args) {
		final List<String> a = new ArrayList<>();
		a.add("export");
		for (final Object o : args) a.add(String.valueOf(o));
		a.add("--metadata");
		a.add(metadata.toString());
		a.add("--release-date");
		a.add(releaseDate());
		a.add("--out");
		a.add(out.toString());
		CliRun.succeeds(a.toArray());
		return out;
	}

	static ImagePlus image2d() {
		final ShortProcessor ip = new ShortProcessor(200, 160);
		for (int y = 0; y < 160; y++)
			for (int x = 0; x < 200; x++)
				ip.set(x, y, 100 + (x * 7 + y * 13) % 900);
		final ImagePlus imp = new ImagePlus("cells", ip);
		imp.setCalibration(calibration());
		return imp;
	}

	static ImagePlus labels2d() {
		final ShortProcessor ip = new ShortProcessor(200, 160);
		for (int i = 1; i <= 12; i++) {
			final int cx = 15 + (i - 1) % 4 * 48, cy = 20 + (i - 1) / 4 * 50;
			for (int y = cy - 10; y < cy + 10; y++)
				for (int x = cx - 12; x < cx + 12; x++)
					if ((x - cx) * (x - cx) / 144.0 + (y - cy) * (y - cy) / 100.0 <= 1) ip.set(x, y, i);
		}
		// a label with a hole and a label of two parts
		for (int y = 130; y < 155; y++)
			for (int x = 10; x < 40; x++)
				if (x < 18 || x > 30 || y < 136 || y > 148) ip.set(x, y, 20);
		for (int y = 130; y < 140; y++)
			for (int x = 60; x < 70; x++) {
				ip.set(x, y, 21);
				ip.set(x + 20, y + 10, 21);
			}
		final ImagePlus imp = new ImagePlus("cells_labels", ip);
		imp.setCalibration(calibration());
		return imp;
	}

	/** One ROI of every ImageJ type, with names, groups, colours and a multi-point ROI with counters. */
	static List<Roi> rois2d() {
		final List<Roi> rois = new ArrayList<>();
		final Roi rect = new Roi(10, 10, 30, 20);
		rect.setName("rectangle");
		rect.setGroup(1);
		rois.add(rect);
		final Roi rounded = new Roi(50, 10, 30, 20, 8);
		rounded.setName("rounded rectangle");
		rois.add(rounded);
		final OvalRoi oval = new OvalRoi(90, 10, 30, 20);
		oval.setName("oval");
		oval.setStrokeColor(Color.MAGENTA);
		rois.add(oval);
		final PolygonRoi polygon = new PolygonRoi(new int[] { 130, 160, 150, 135 }, new int[] { 10, 15, 35, 30 }, 4,
			Roi.POLYGON);
		polygon.setName("polygon");
		polygon.setGroup(2);
		rois.add(polygon);
		final PolygonRoi freehand = new PolygonRoi(new float[] { 10.5f, 20.25f, 30.75f, 25.5f, 12.5f }, new float[] {
			50.5f, 45.25f, 55.5f, 70.75f, 68.5f }, Roi.FREEROI);
		freehand.setName("freehand");
		rois.add(freehand);
		final PolygonRoi traced = new PolygonRoi(new int[] { 50, 60, 60, 70, 70, 50 }, new int[] { 50, 50, 55, 55, 70,
			70 }, 6, Roi.TRACED_ROI);
		traced.setName("traced");
		rois.add(traced);
		final PolygonRoi polyline = new PolygonRoi(new float[] { 90, 100, 115, 120 }, new float[] { 50, 65, 55, 70 },
			Roi.POLYLINE);
		polyline.setName("polyline");
		rois.add(polyline);
		final PolygonRoi freeline = new PolygonRoi(new float[] { 130, 135, 142, 150 }, new float[] { 50, 58, 52, 66 },
			Roi.FREELINE);
		freeline.setName("freeline");
		rois.add(freeline);
		final Line line = new Line(160, 50, 190, 70);
		line.setName("line");
		line.setGroup(2);
		rois.add(line);
		final PolygonRoi angle = new PolygonRoi(new float[] { 10, 25, 35 }, new float[] { 100, 85, 100 }, Roi.ANGLE);
		angle.setName("angle");
		rois.add(angle);
		final PointRoi points = new PointRoi(new float[] { 60, 70, 80, 90 }, new float[] { 90, 95, 90, 95 });
		points.setName("points with counters");
		points.setCounters(new int[] { 0, 1, 1, 2 });
		rois.add(points);
		final PointRoi single = new PointRoi(100.5, 92.5);
		single.setName("single point");
		single.setGroup(3);
		rois.add(single);
		final EllipseRoi ellipse = new EllipseRoi(110, 90, 150, 110, 0.5);
		ellipse.setName("ellipse");
		rois.add(ellipse);
		final RotatedRectRoi rotated = new RotatedRectRoi(160, 85, 190, 110, 12);
		rotated.setName("rotated rectangle");
		rois.add(rotated);
		final Arrow arrow = new Arrow(10, 120, 40, 140);
		arrow.setName("arrow");
		rois.add(arrow);
		final TextRoi text = new TextRoi(50, 120, "Nucleus A", new Font("SansSerif", Font.PLAIN, 12));
		text.setName("text");
		rois.add(text);
		final ShapeRoi withHole = new ShapeRoi(new Roi(100, 120, 40, 30)).not(new ShapeRoi(new Roi(110, 128, 15, 12)))
			.or(new ShapeRoi(new OvalRoi(150, 125, 25, 20)));
		withHole.setName("two parts, one with a hole");
		withHole.setGroup(1);
		rois.add(withHole);
		return rois;
	}

	static ImagePlus stack() {
		final ImageStack s = new ImageStack(64, 48);
		for (int t = 0; t < 2; t++)
			for (int z = 0; z < 4; z++)
				for (int c = 0; c < 2; c++) {
					final ShortProcessor ip = new ShortProcessor(64, 48);
					for (int i = 0; i < 64 * 48; i++) ip.set(i, (i * (c + 1) + z * 31 + t * 7) % 4000);
					s.addSlice(ip);
				}
		final ImagePlus imp = new ImagePlus("stack", s);
		imp.setDimensions(2, 4, 2);
		imp.setOpenAsHyperStack(true);
		final Calibration cal = calibration();
		cal.pixelDepth = 2;
		cal.frameInterval = 30;
		cal.setTimeUnit("s");
		imp.setCalibration(cal);
		return imp;
	}

	/** ROIs on one plane (c, z, t), on one slice of all channels, and on every plane. */
	static List<Roi> stackRois() {
		final List<Roi> rois = new ArrayList<>();
		final Roi onePlane = new Roi(5, 5, 10, 8);
		onePlane.setName("c2 z3 t1");
		onePlane.setPosition(2, 3, 1);
		rois.add(onePlane);
		final OvalRoi allChannels = new OvalRoi(20, 10, 12, 9);
		allChannels.setName("z2 t2, all channels");
		allChannels.setPosition(0, 2, 2);
		allChannels.setGroup(4);
		rois.add(allChannels);
		final PolygonRoi everywhere = new PolygonRoi(new int[] { 40, 55, 50 }, new int[] { 30, 35, 45 }, 3, Roi.POLYGON);
		everywhere.setName("every plane");
		rois.add(everywhere);
		final PointRoi points = new PointRoi(new float[] { 10, 30 }, new float[] { 40, 20 });
		points.setName("points z4 t2");
		points.setPosition(1, 4, 2);
		rois.add(points);
		return rois;
	}

	/** Labels on every slice and frame (t 2, z 4), a different set per plane. */
	static ImagePlus stackLabels() {
		final ImageStack s = new ImageStack(64, 48);
		for (int t = 0; t < 2; t++)
			for (int z = 0; z < 4; z++) {
				final ShortProcessor ip = new ShortProcessor(64, 48);
				for (int y = 8 + z; y < 20 + z; y++)
					for (int x = 8; x < 22; x++) ip.set(x, y, 1 + t);
				for (int y = 25; y < 40; y++)
					for (int x = 30 + 2 * z; x < 50; x++) ip.set(x, y, 3);
				s.addSlice(ip);
			}
		final ImagePlus imp = new ImagePlus("stack_labels", s);
		imp.setDimensions(1, 4, 2);
		imp.setOpenAsHyperStack(true);
		final Calibration cal = calibration();
		cal.pixelDepth = 2;
		imp.setCalibration(cal);
		return imp;
	}

	private static Calibration calibration() {
		final Calibration cal = new Calibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("micron");
		return cal;
	}

	private static void save(final ImagePlus imp, final Path file) throws IOException {
		if (!(imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(file.toString()) : new FileSaver(imp)
			.saveAsTiff(file.toString()))) throw new IOException("could not save " + file);
	}
}
