package io.github.biaannotations.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.github.biaannotations.metadata.MifaMetadata;

/**
 * Everything one export needs: the images with their annotations, where the package goes, the MIFA metadata
 * and the {@link ExportOptions}. Built with {@link #to(Path)}; the Fiji commands, the scripting service and the
 * CLI all fill one and hand it to {@link io.github.biaannotations.export.PackageExport}.
 */
public final class ExportRequest {

	private final Path out;
	private final List<AnnotatedImage> images = new ArrayList<>();
	private MifaMetadata metadata;
	private ExportOptions options = ExportOptions.defaults();

	private ExportRequest(final Path out) {
		this.out = Objects.requireNonNull(out, "output folder");
	}

	/** A request to write a package into {@code out} (created; must be empty or absent unless overwriting). */
	public static ExportRequest to(final Path out) {
		return new ExportRequest(out);
	}

	public ExportRequest image(final AnnotatedImage source) {
		images.add(Objects.requireNonNull(source, "image"));
		return this;
	}

	/** MIFA metadata; without it (and without a draft) the package holds the annotation files and manifest only. */
	public ExportRequest metadata(final MifaMetadata v) {
		metadata = v;
		return this;
	}

	public ExportRequest options(final ExportOptions v) {
		options = Objects.requireNonNull(v, "export options");
		return this;
	}

	public Path out() { return out; }
	public List<AnnotatedImage> images() { return Collections.unmodifiableList(images); }
	public MifaMetadata metadata() { return metadata; }
	public ExportOptions options() { return options; }
}
