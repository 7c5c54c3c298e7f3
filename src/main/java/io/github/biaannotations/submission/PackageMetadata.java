package io.github.biaannotations.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.InvalidMetadataException;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.ValidationProblem;

/** The study metadata a package is written with, checked before anything of the package is written. */
public final class PackageMetadata {

	private PackageMetadata() {}

	/**
	 * A copy of {@code given} with the release date and export defaults, checked (annotation types left empty
	 * count as filled: the export derives them from the files). Problems are warnings for a draft; for a
	 * package to submit, errors throw.
	 *
	 * @param releaseDate the release date given, or null for the metadata's own (else today)
	 * @return null when there is no metadata and no draft is asked for (annotation files only)
	 * @throws InvalidMetadataException listing every error, unless {@code draft}
	 */
	public static MifaMetadata checked(final MifaMetadata given, final boolean draft, final LocalDate releaseDate,
		final LocalDate today, final Instant now, final Consumer<String> warnings) throws InvalidMetadataException
	{
		if (given == null && !draft) return null;
		final MifaMetadata m = given == null ? new MifaMetadata() : given.copy();
		if (releaseDate != null) m.releaseDate(releaseDate);
		m.withExportDefaults(now);
		final MifaMetadata probe = m.copy();
		if (probe.annotations().types().isEmpty()) probe.annotations().types().add(AnnotationType.OTHER.value());
		final List<ValidationProblem> problems = draft ? probe.validate(today) : probe.requireValid(today);
		// the archive counts today in UTC, and a study released today is public as soon as it is processed
		if (m.releaseDate() == null) warnings.accept("no release date given: it is today, " + today + " (UTC), which " +
			"makes the study public as soon as the archive has processed it, and its author can then no longer delete " +
			"it; push asks before submitting it. Give a release date (--release-date YYYY-MM-DD) for a later release");
		for (final ValidationProblem p : problems)
			// a warning line says "warning:" already: the problem is given by its place, without its severity
			if (draft || !p.isError()) warnings.accept("metadata: " + p.part() + " " + p.fieldMessage() + (p.isError()
				? " (needed before submitting)" : ""));
		return m;
	}
}
