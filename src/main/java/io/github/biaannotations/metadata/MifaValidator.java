package io.github.biaannotations.metadata;

import static io.github.biaannotations.metadata.ValidationProblem.Severity.ERROR;
import static io.github.biaannotations.metadata.ValidationProblem.Severity.WARNING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks MIFA metadata against the archive's JSON Schema (required fields, licence and annotation type values,
 * annotation types per file row, e-mail pattern) and this project's rules (ORCID check digit, ROR syntax, release date not in the past, at
 * least one author and keyword). Every problem names its field and says how to fix it.
 */
public final class MifaValidator {

	private static final String STUDY = "Study", ANNOTATIONS = "Annotations", VERSION = "Version",
		SUBMISSION = "Submission";

	private final List<ValidationProblem> problems = new ArrayList<>();

	private MifaValidator() {}

	/** All problems of the metadata, errors and warnings, in file order; empty when all is well. */
	public static List<ValidationProblem> validate(final MifaMetadata m, final LocalDate today) {
		final MifaValidator v = new MifaValidator();
		v.study(m.study());
		v.annotations(m.annotations());
		if (m.version() != null) v.version(m.version());
		v.submission(m, today);
		return v.problems;
	}

	private void study(final StudyMetadata s) {
		required(STUDY, "title", s.title(), "give the dataset a title; it is shown in the archive's search results");
		required(STUDY, "description", s.description(),
			"describe the dataset in a few sentences, including what it is for biologically");
		if (s.keywords().stream().allMatch(Values::isBlank)) add(ERROR, STUDY, "keywords",
			"missing: add at least one keyword (e.g. the organism, structure or imaging method) so people can find the data");
		if (s.license() == null) add(ERROR, STUDY, "license", "missing: choose a licence, CC0 or CC BY 4.0 (written CC_BY)");
		else if (!License.parse(s.license()).isPresent()) add(ERROR, STUDY, "license", "'" + s.license() +
			"' is not accepted by the BioImage Archive; choose CC0 or CC BY 4.0 (written CC_BY)");
		required(STUDY, "funding_statement", s.fundingStatement(),
			"say how the work was funded (write 'No specific funding' if there was none)");
		if (s.authors().isEmpty()) add(ERROR, STUDY, "authors", "missing: add at least one author with first and last name");
		authors(STUDY, "authors", s.authors());
		for (int i = 0; i < s.grants().size(); i++) {
			final Grant g = s.grants().get(i);
			required(STUDY, "grants[" + i + "].grant_id", g.grantId(), "give the grant number or remove the grant");
			required(STUDY, "grants[" + i + "].funder", g.funder(), "name the funder of the grant or remove it");
		}
		for (int i = 0; i < s.publications().size(); i++) {
			final Publication p = s.publications().get(i);
			required(STUDY, "publications[" + i + "].publication_title", p.title(),
				"give the publication's title or remove it");
			required(STUDY, "publications[" + i + "].publication_authors", p.authors(),
				"list the publication's authors or remove it");
			if (Values.isBlank(p.doi())) add(WARNING, STUDY, "publications[" + i + "].publication_doi",
				"no DOI: the MIFA schema identifies a publication by its DOI, so Study.yaml lists this one under its title");
		}
		if (s.linkUrls().isEmpty()) add(WARNING, STUDY, "link_url",
			"the MIFA schema asks for at least one link (e.g. to code, a model or a paper); the archive accepts none");
		if (s.linkDescriptions().size() > s.linkUrls().size()) add(WARNING, STUDY, "link_description",
			"there are more link descriptions than links; give one description per link_url, in the same order");
	}

	private void authors(final String part, final String path, final List<Author> authors) {
		for (int i = 0; i < authors.size(); i++) {
			final Author a = authors.get(i);
			final String p = path + "[" + i + "]";
			final String who = Values.isBlank(a.fullName()) ? "author " + i : a.fullName().trim();
			required(part, p + ".author_first_name", a.firstName(), "give the first name of " + who);
			required(part, p + ".author_last_name", a.lastName(), "give the last name of " + who);
			if (!Values.isBlank(a.email()) && !Identifiers.isEmailSyntax(a.email())) add(ERROR, part, p + ".email",
				"'" + a.email().trim() + "' of " + who + " is not an e-mail address; write it as name@example.org");
			if (!Values.isBlank(a.orcidId())) {
				if (!Identifiers.isOrcidSyntax(a.orcidId())) add(ERROR, part, p + ".orcid_id", "'" + a.orcidId().trim() +
					"' of " + who + " is not an ORCID iD; write 16 digits in groups of four, e.g. 0000-0002-1825-0097");
				else if (!Identifiers.hasValidOrcidCheckDigit(a.orcidId())) add(ERROR, part, p + ".orcid_id", "'" +
					a.orcidId().trim() + "' of " + who + " has a wrong check digit (a typing mistake?); " +
					"copy the iD from the person's orcid.org page");
			}
			for (int j = 0; j < a.organisations().size(); j++) {
				final Organisation o = a.organisations().get(j);
				final String op = p + ".organisation[" + j + "]";
				required(part, op + ".organisation_name", o.name(), "name the organisation of " + who +
					" or remove it");
				if (!Values.isBlank(o.rorId()) && !Identifiers.isRorSyntax(o.rorId())) add(ERROR, part, op + ".ror_id",
					"'" + o.rorId().trim() + "' is not a ROR id; it has 9 characters starting with 0, e.g. 02catss52 " +
						"(look it up at ror.org) or leave it empty");
			}
		}
	}

	private void annotations(final AnnotationMetadata a) {
		required(ANNOTATIONS, "annotation_overview", a.overview(),
			"summarise in a sentence what was annotated and how");
		required(ANNOTATIONS, "annotation_method", a.method(),
			"describe how the annotations were made: by whom or which software, and how they were checked");
		// the schema gives annotation types per file row (required there); the set's own are optional
		types(ANNOTATIONS, "annotation_type", a.types());
		authors(ANNOTATIONS, "authors", a.authors());
		for (int i = 0; i < a.files().size(); i++) {
			final FileLevelMetadata f = a.files().get(i);
			final String p = "file_metadata[" + i + "]";
			required(ANNOTATIONS, p + ".annotation_id", f.annotationId(), "give the annotation file's path");
			if (!Values.isBlank(f.annotationId()) && !PageTabBuilder.isValidFilePath(f.annotationId().trim()))
				add(ERROR, ANNOTATIONS, p + ".annotation_id", "'" + f.annotationId().trim() + "' is a path the archive " +
					"refuses; use letters, digits, spaces and !-_*'(). / only, relative, without ./ or ../");
			final String which = Values.isBlank(f.annotationId()) ? "this file" : f.annotationId().trim();
			required(ANNOTATIONS, p + ".source_image_id", f.sourceImageId(),
				"give the path of the image that " + which + " annotates");
			if (f.types().isEmpty()) add(ERROR, ANNOTATIONS, p + ".annotation_type",
				"missing: give the annotation type of " + which + ": " + AnnotationType.allValues());
			types(ANNOTATIONS, p + ".annotation_type", f.types());
			dateTime(ANNOTATIONS, p + ".annotation_creation_time", f.creationTime(), false);
		}
	}

	private void types(final String part, final String path, final List<String> types) {
		for (int i = 0; i < types.size(); i++)
			if (!AnnotationType.parse(types.get(i)).isPresent()) add(ERROR, part, path + "[" + i + "]", "'" +
				types.get(i) + "' is not an annotation type the archive knows; use one of " +
				AnnotationType.allValues());
	}

	private void version(final VersionMetadata v) {
		required(VERSION, "version", v.version(), "give a version number such as 1 or 1.1");
		dateTime(VERSION, "timestamp", v.timestamp(), true);
	}

	private void submission(final MifaMetadata m, final LocalDate today) {
		if (m.releaseDate() != null && m.releaseDate().isBefore(today)) add(ERROR, SUBMISSION, "release_date",
			m.releaseDate() + " is in the past and the archive refuses it; choose today (" + today + ") or later");
		if (Values.isBlank(m.collection())) add(ERROR, SUBMISSION, "collection",
			"name the archive collection; for the BioImage Archive it is " + MifaMetadata.DEFAULT_COLLECTION);
	}

	private void dateTime(final String part, final String field, final String value, final boolean required) {
		if (Values.isBlank(value)) {
			if (required) add(ERROR, part, field, "missing: give the date and time, e.g. 2024-03-07T14:37:00Z");
			return;
		}
		try {
			OffsetDateTime.parse(value.trim());
		}
		catch (final DateTimeParseException e) {
			add(ERROR, part, field, "'" + value.trim() + "' is not a date and time with a time zone; write it " +
				"like 2024-03-07T14:37:00Z or 2024-03-07T14:37:00+01:00");
		}
	}

	private void required(final String part, final String field, final String value, final String how) {
		if (Values.isBlank(value)) add(ERROR, part, field, "missing: " + how);
	}

	private void add(final ValidationProblem.Severity s, final String part, final String field, final String message) {
		problems.add(new ValidationProblem(s, part, field, message));
	}
}
