package io.github.biaannotations.fiji;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.batch.BatchExport;
import io.github.biaannotations.batch.BatchReport;
import io.github.biaannotations.batch.BatchRequest;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.imagej.ImageRois;
import io.github.biaannotations.importing.GeoJsonImport;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.LabelImage;

/** The {@link AnnotationExportService} over the core's {@link PackageExport} and {@link BatchExport}. */
@Plugin(type = Service.class)
public final class DefaultAnnotationExportService extends AbstractService implements AnnotationExportService {

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	private volatile List<String> lastWarnings = Collections.emptyList();

	@Override
	public ExportSummary exportImage(final ImagePlus image, final File out, final File metadata) throws IOException {
		return exportImage(image, out, metadata, ExportOptions.defaults());
	}

	@Override
	public ExportSummary exportImage(final ImagePlus image, final File out, final File metadata,
		final ExportOptions options) throws IOException
	{
		if (image == null) throw new IllegalArgumentException("no image given to export");
		final ExportRequest r = ExportRequest.to(path(out, "output folder")).options(options)
			.image(AnnotatedImage.ofImage(image, ImageRois.sourceName(image), roisOf(image), List.of()));
		if (metadata != null) r.metadata(MifaMetadata.load(metadata.toPath()));
		return export(r);
	}

	@Override
	public ExportSummary exportImage(final ImagePlus image, final List<LabelImage> labels, final File out,
		final File metadata, final ExportOptions options) throws IOException
	{
		if (image == null) throw new IllegalArgumentException("no image given to export");
		final ExportRequest r = ExportRequest.to(path(out, "output folder")).options(options)
			.image(AnnotatedImage.ofRasters(image, ImageRois.sourceName(image), roisOf(image), labels));
		if (metadata != null) r.metadata(MifaMetadata.load(metadata.toPath()));
		return export(r);
	}

	@Override
	public ExportSummary exportFiles(final File image, final File rois, final File labels, final File out,
		final File metadata) throws IOException
	{
		return exportFiles(image, rois, labels, out, metadata, ExportOptions.defaults());
	}

	@Override
	public ExportSummary exportFiles(final File image, final File rois, final File labels, final File out,
		final File metadata, final ExportOptions options) throws IOException
	{
		final ExportRequest r = ExportRequest.to(path(out, "output folder")).options(options)
			.image(AnnotatedImage.ofFiles(path(image, "image"), rois == null ? List.of() : List.of(rois.toPath()),
				labels == null ? List.of() : List.of(labels.toPath())));
		if (metadata != null) r.metadata(MifaMetadata.load(metadata.toPath()));
		return export(r);
	}

	@Override
	public ExportSummary export(final ExportRequest request) throws IOException {
		final List<String> warnings = new ArrayList<>();
		final StatusProgress progress = new StatusProgress(status);
		try {
			return new PackageExport(w -> warn(warnings, w), progress).export(request);
		}
		finally {
			progress.done();
			lastWarnings = Collections.unmodifiableList(warnings);
		}
	}

	@Override
	public BatchReport batch(final BatchRequest request) throws IOException {
		final List<String> warnings = new ArrayList<>();
		final StatusProgress progress = new StatusProgress(status);
		try {
			return new BatchExport(w -> warn(warnings, w), progress).run(request);
		}
		finally {
			progress.done();
			lastWarnings = Collections.unmodifiableList(warnings);
		}
	}

	@Override
	public List<Roi> importGeoJson(final File geojson, final ImagePlus image) throws IOException {
		lastWarnings = Collections.emptyList();
		return GeoJsonImport.read(path(geojson, "GeoJSON file"), image);
	}

	@Override
	public List<Roi> roisOf(final ImagePlus image) {
		return ImageRois.forExport(image);
	}

	@Override
	public List<String> lastWarnings() {
		return lastWarnings;
	}

	private void warn(final List<String> warnings, final String message) {
		warnings.add(message);
		if (log != null) log.warn(message);
	}

	private static java.nio.file.Path path(final File f, final String what) {
		if (f == null) throw new IllegalArgumentException("no " + what + " given");
		return f.toPath();
	}
}
