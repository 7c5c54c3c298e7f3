package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;

import io.github.biaannotations.model.Folders;
import io.github.biaannotations.model.InputException;

/**
 * When an existing output folder may be replaced (export with overwrite, a batch rerun): only when it is a
 * package written earlier, and never when it holds one of the inputs or the current folder, which replacing
 * it would delete.
 */
public final class OutputFolder {

	private OutputFolder() {}

	/**
	 * Does nothing when {@code out} is absent or empty; otherwise checks that replacing it loses no work.
	 *
	 * @param inputs the files and folders the export reads
	 * @throws FileAlreadyExistsException when {@code out} is not a package (no {@value Manifest#FILE_NAME})
	 * @throws IllegalArgumentException naming the input, or the current folder, found inside {@code out}
	 */
	public static void checkReplaceable(final Path out, final Collection<Path> inputs) throws IOException {
		final Path target = out.toAbsolutePath().normalize();
		if (!Files.isDirectory(target) || Folders.isEmptyOrAbsent(target)) return;
		if (!Files.isRegularFile(target.resolve(Manifest.FILE_NAME))) throw new FileAlreadyExistsException(target
			.toString(), null, "exists, is not empty and is not a package (no " + Manifest.FILE_NAME + "), so it is " +
				"not replaced; choose another output folder");
		for (final Path input : inputs) {
			if (input != null && input.toAbsolutePath().normalize().startsWith(target))
				throw new InputException(input + " is inside the output folder " + target + ", which would be " +
					"replaced; choose another output folder", input, null, null, null);
		}
		if (Paths.get("").toAbsolutePath().normalize().startsWith(target)) throw new InputException(
			"the current folder is inside the output folder " + target + ", which would be replaced; choose another " +
				"output folder");
	}
}
