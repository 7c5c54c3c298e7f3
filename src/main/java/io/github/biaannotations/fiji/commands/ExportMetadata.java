package io.github.biaannotations.fiji.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.AtomicFiles;

/**
 * Where Export Annotations... gets its metadata: the file given, else the dialog when there is a display, else
 * none (annotation files only). What the dialog returns is saved beside the package as
 * {@code <output>-metadata.yaml} before anything else is written, so a failed export loses no typing and the
 * macro recorder can record the file: the recorded line then replays headless.
 */
final class ExportMetadata {

	/** The metadata to export with (empty: none) and the file it came from or was saved to (may be null). */
	final Optional<MifaMetadata> metadata;
	final File file;

	private ExportMetadata(final Optional<MifaMetadata> metadata, final File file) {
		this.metadata = metadata;
		this.file = file;
	}

	/**
	 * @param given the metadata file or folder the user gave; may be null
	 * @param dialog shows the dialog (called only when {@code interactive} and nothing was given); empty on
	 *          Cancel
	 * @return the metadata, or null when the user cancelled the dialog
	 */
	static ExportMetadata resolve(final File given, final boolean interactive,
		final Supplier<Optional<MifaMetadata>> dialog, final File output) throws IOException
	{
		if (given != null) return new ExportMetadata(Optional.of(MifaMetadata.load(given.toPath())), given);
		if (!interactive) return new ExportMetadata(Optional.empty(), null);
		final Optional<MifaMetadata> edited = dialog.get();
		if (!edited.isPresent()) return null;
		return new ExportMetadata(edited, saveBeside(edited.get(), output));
	}

	/** {@code <output>-metadata.yaml}, written whole or not at all. */
	static File saveBeside(final MifaMetadata m, final File output) throws IOException {
		final Path out = output.toPath().toAbsolutePath();
		final Path target = out.resolveSibling(out.getFileName() + "-metadata.yaml");
		AtomicFiles.write(target, m.toCombinedYaml());
		return target.toFile();
	}
}
