package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.submission.PackageProblem;
import io.github.biaannotations.submission.PackageValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bia-annotations validate DIR}: one line per problem; exit 0 when the package can be submitted. */
@Command(name = "validate", mixinStandardHelpOptions = true,
	description = "Check a package folder before pushing it: PageTab, MIFA metadata, files and checksums, paths, formats.")
final class ValidateCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "DIR", description = "The package folder written by export.")
	Path dir;

	@Option(names = "--ngff-schemas", paramLabel = "DIR",
		description = "Also check every OME-Zarr against the official OME-NGFF JSON schemas in DIR (0.4/schemas, 0.5/schemas).")
	Path ngffSchemas;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final List<PackageProblem> problems = new PackageValidator(dir, ReleaseDates.today()).ngffSchemas(ngffSchemas).run();
		for (final PackageProblem p : problems)
			console.out(p.toString());
		final long errors = problems.stream().filter(PackageProblem::isError).count();
		console.out(errors == 0 ? "valid: " + dir + (problems.isEmpty() ? "" : " (" + count(problems.size(), "warning") +
			")") : "invalid: " + count(errors, "error") + " in " + dir);
		return errors == 0 ? 0 : 1;
	}

	private static String count(final long n, final String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}
}
