package io.github.biaannotations.fiji.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.biaannotations.metadata.Author;
import io.github.biaannotations.metadata.Grant;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.StudyMetadata;
import io.github.biaannotations.model.AtomicFiles;

/**
 * A lab profile: what stays the same from one export to the next (authors with their organisations, licence,
 * funding statement, grants, acknowledgements). Kept in the archive's {@code Study.yaml} form, so that a profile
 * file is a partly filled official template and the template is a valid profile.
 */
public final class MetadataProfile {

	private final StudyMetadata study;

	private MetadataProfile(final StudyMetadata study) {
		this.study = study;
	}

	/** The reusable part of the metadata. */
	public static MetadataProfile of(final MifaMetadata m) {
		final StudyMetadata s = m.study(), p = new StudyMetadata();
		for (final Author a : s.authors())
			p.authors().add(a.copy());
		p.license(s.license()).fundingStatement(s.fundingStatement()).acknowledgements(s.acknowledgements());
		for (final Grant g : s.grants())
			p.grants().add(g.copy());
		return new MetadataProfile(p);
	}

	/** Reads a profile (or any {@code Study.yaml}; only the profile's fields are used). */
	public static MetadataProfile fromYaml(final String yaml, final Path nameForMessages) throws IOException {
		return of(new MifaMetadata().study(MifaMetadata.parseStudy(yaml, nameForMessages)));
	}

	public static MetadataProfile load(final Path file) throws IOException {
		return fromYaml(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file);
	}

	/** The profile as {@code Study.yaml} text; fields outside the profile are blank. */
	public String toYaml() {
		return new MifaMetadata().study(study).studyYaml();
	}

	public void save(final Path file) throws IOException {
		AtomicFiles.write(file, toYaml());
	}

	/** True when the profile holds nothing. */
	public boolean isEmpty() {
		return study.authors().isEmpty() && study.license() == null && study.fundingStatement() == null &&
			study.grants().isEmpty() && study.acknowledgements() == null;
	}

	/**
	 * Fills the fields of {@code m} that are still empty from this profile; what {@code m} already has wins.
	 *
	 * @param replace true to replace the profile's fields even when {@code m} has them (loading a profile on
	 *          request), false to fill only gaps (remembered values)
	 */
	public void applyTo(final MifaMetadata m, final boolean replace) {
		final StudyMetadata s = m.study();
		if (!study.authors().isEmpty() && (replace || s.authors().isEmpty())) {
			s.authors().clear();
			for (final Author a : study.authors())
				s.authors().add(a.copy());
		}
		if (study.license() != null && (replace || s.license() == null)) s.license(study.license());
		if (study.fundingStatement() != null && (replace || blank(s.fundingStatement())))
			s.fundingStatement(study.fundingStatement());
		if (study.acknowledgements() != null && (replace || blank(s.acknowledgements())))
			s.acknowledgements(study.acknowledgements());
		if (!study.grants().isEmpty() && (replace || s.grants().isEmpty())) {
			s.grants().clear();
			for (final Grant g : study.grants())
				s.grants().add(g.copy());
		}
	}

	private static boolean blank(final String s) {
		return s == null || s.trim().isEmpty();
	}
}
