package io.github.biaannotations.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.PageTabBuilder;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.metadata.ValidationProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bia-annotations metadata}: blank MIFA templates to fill in, a check of filled ones, and a look at
 * the PageTab they make. A thin layer over {@link MifaMetadata}.
 */
@Command(name = "metadata", mixinStandardHelpOptions = true,
	description = "MIFA metadata in the archive's YAML template form (Study.yaml, Annotations.yaml, Version.yaml).",
	subcommands = {})
public final class MetadataCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 0;
	}

	@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Writes blank Study.yaml, Annotations.yaml and Version.yaml into DIR; never overwrites.")
	int init(@Parameters(paramLabel = "DIR", description = "folder for the templates (created if needed)")
	final Path dir) throws Exception
	{
		MifaMetadata.writeBlankTemplates(dir);
		spec.commandLine().getOut().println("Wrote blank MIFA templates to " + dir +
			": fill them in, then run 'bia-annotations metadata check " + dir + "'");
		return 0;
	}

	@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Reads and validates MIFA metadata; lists every problem with the field to fix. " +
			"Exit code 1 when there are errors.")
	int check(
		@Parameters(paramLabel = "DIR_OR_FILE", description = "folder with the templates, or one YAML file")
		final Path path,
		@Option(names = "--release-date", paramLabel = "YYYY-MM-DD",
			description = "release date to check (default: today)") final LocalDate releaseDate)
		throws Exception
	{
		final MifaMetadata m = MifaMetadata.load(path);
		if (releaseDate != null) m.releaseDate(releaseDate);
		final List<ValidationProblem> problems = m.validate();
		final PrintWriter out = spec.commandLine().getOut();
		long errors = 0;
		for (final ValidationProblem p : problems) {
			out.println(p);
			if (p.isError()) errors++;
		}
		out.println(errors == 0 ? "Metadata OK" + (problems.isEmpty() ? "" : " (" + problems.size() +
			" warnings)") : errors + (errors == 1 ? " error" : " errors") + ": fix them before exporting, or export with --draft");
		return errors == 0 ? 0 : 1;
	}

	@Command(name = "pagetab", mixinStandardHelpOptions = true,
		description = "Prints the PageTab JSON the metadata makes (without file lists), for a look before export.")
	int pageTab(
		@Parameters(paramLabel = "DIR_OR_FILE", description = "folder with the templates, or one YAML file")
		final Path path,
		@Option(names = "--release-date", paramLabel = "YYYY-MM-DD", description = "default: today")
		final LocalDate releaseDate) throws Exception
	{
		final MifaMetadata m = MifaMetadata.load(path);
		if (releaseDate != null) m.releaseDate(releaseDate);
		spec.commandLine().getOut().println(PageTabBuilder.toJson(new PageTabBuilder(m).annotationFileList(
			"annotations.tsv").build(ReleaseDates.today())));
		return 0;
	}
}
