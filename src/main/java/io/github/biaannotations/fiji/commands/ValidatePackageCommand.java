package io.github.biaannotations.fiji.commands;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.biaannotations.submission.PackageProblem;
import io.github.biaannotations.submission.PackageValidator;

/**
 * Plugins &gt; BioImage Archive &gt; Validate Package...: checks a package folder before it is pushed and lists
 * the problems. A package with problems ends the command as failed (a script or {@code bia-annotations run}
 * sees a non-zero result). The checks are {@link PackageValidator}'s; its errors are the problems (warnings do
 * not block a push).
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Validate Package...")
public final class ValidatePackageCommand extends FeedbackCommand {

	@Parameter(label = "Package folder", style = FileWidget.DIRECTORY_STYLE)
	private File folder;

	@Parameter(type = ItemIO.OUTPUT, label = "Validation")
	private String report;

	@Override
	public void run() {
		final CommandFeedback feedback = feedback();
		try {
			if (!folder.isDirectory()) throw new java.nio.file.NoSuchFileException(folder.toString(), null,
				"no such package folder");
			final List<String> problems = PackageValidator.validate(folder.toPath()).stream().filter(
				PackageProblem::isError).map(PackageProblem::toString).collect(Collectors.toList());
			if (problems.isEmpty()) {
				report = folder + ": valid, ready to push";
				feedback.info("Validate Package", report);
				return;
			}
			report = folder + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems);
			if (log != null) for (final String p : problems)
				log.warn("Validate Package: " + p);
			cancel(feedback.error("Validate Package", new IllegalStateException(report)));
		}
		catch (final Exception e) {
			cancel(feedback.error("Validate Package", e));
		}
	}
}
