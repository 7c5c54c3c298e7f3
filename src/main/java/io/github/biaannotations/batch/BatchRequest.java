package io.github.biaannotations.batch;

import java.nio.file.Path;
import java.util.Objects;

import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.metadata.MifaMetadata;

/**
 * A batch export: every image of a folder, paired with its annotations by {@link BatchPairing}'s name rules,
 * into one package (one study, many files), with the same {@link ExportOptions} as a single export. Built with
 * {@link #of(Path, Path)}.
 */
public final class BatchRequest {

	private final Path input;
	private final Path out;
	private MifaMetadata metadata;
	private ExportOptions options = ExportOptions.defaults();

	private BatchRequest(final Path input, final Path out) {
		this.input = Objects.requireNonNull(input, "input folder");
		this.out = Objects.requireNonNull(out, "output folder");
	}

	/**
	 * @param input the folder of images and annotations
	 * @param out the package folder; a batch owns it: a rerun replaces it (only when it is a package), so the
	 *          options' overwrite is not needed
	 */
	public static BatchRequest of(final Path input, final Path out) {
		return new BatchRequest(input, out);
	}

	/** MIFA metadata of the study; without it the package holds the annotation files and manifest only. */
	public BatchRequest metadata(final MifaMetadata v) {
		metadata = v;
		return this;
	}

	public BatchRequest options(final ExportOptions v) {
		options = Objects.requireNonNull(v, "export options");
		return this;
	}

	public Path input() { return input; }
	public Path out() { return out; }
	public MifaMetadata metadata() { return metadata; }
	public ExportOptions options() { return options; }
}
